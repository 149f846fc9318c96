package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void lineSeparatorsAreEscapedAndTheCanonicalFormIsUnchanged() {
        String raw = "{\"d\":\"a\u2028b\u2029c\u0085d\"}";
        String line = JsonLines.line(raw);

        assertThat(line).isEqualTo("{\"d\":\"a\\u2028b\\u2029c\\u0085d\"}");
        assertThat(line.lines().count()).isEqualTo(1);
        assertThat(new String(CanonicalJson.canonicalize(line), StandardCharsets.UTF_8)).isEqualTo(raw);
    }

    @Test
    void textWithoutLineSeparatorsIsTheSameString() {
        String json = "{\"a\":\"plain \\n text\"}";
        assertThat(JsonLines.line(json)).isSameAs(json);
    }
}

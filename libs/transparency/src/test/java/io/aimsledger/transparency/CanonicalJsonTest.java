package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Examples from RFC 8785 (sections 3.2.2, 3.2.3 and appendix B). */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void theRfcsSampleIsCanonicalized() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,"
                + "1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void membersAreSortedByUtf16CodeUnits() {
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void numbersAreWrittenAsEcmaScriptDoes() {
        assertThat(CanonicalJson.ecmaScriptNumber(0.0)).isEqualTo("0");
        assertThat(CanonicalJson.ecmaScriptNumber(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.ecmaScriptNumber(1)).isEqualTo("1");
        assertThat(CanonicalJson.ecmaScriptNumber(100)).isEqualTo("100");
        assertThat(CanonicalJson.ecmaScriptNumber(-1.5)).isEqualTo("-1.5");
        assertThat(CanonicalJson.ecmaScriptNumber(1e21)).isEqualTo("1e+21");
        assertThat(CanonicalJson.ecmaScriptNumber(1e20)).isEqualTo("100000000000000000000");
        assertThat(CanonicalJson.ecmaScriptNumber(1e-7)).isEqualTo("1e-7");
        assertThat(CanonicalJson.ecmaScriptNumber(0.000001)).isEqualTo("0.000001");
        assertThat(CanonicalJson.ecmaScriptNumber(123.456)).isEqualTo("123.456");
        assertThat(CanonicalJson.ecmaScriptNumber(5e-324)).isEqualTo("5e-324");
        assertThat(CanonicalJson.ecmaScriptNumber(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(CanonicalJson.ecmaScriptNumber(9007199254740992.0)).isEqualTo("9007199254740992");
    }

    @Test
    void whitespaceAndMemberOrderDoNotChangeTheCanonicalForm() {
        assertThat(canonical("{ \"b\" : [1, 2.0 ], \"a\": {\"y\": \"x\", \"x\": null} }"))
                .isEqualTo(canonical("{\"a\":{\"x\":null,\"y\":\"x\"},\"b\":[1,2]}"))
                .isEqualTo("{\"a\":{\"x\":null,\"y\":\"x\"},\"b\":[1,2]}");
    }

    @Test
    void whatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> canonical("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"a\": 1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("{\"a\": 1, \"a\": 2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("[1e999]")).isInstanceOf(IllegalArgumentException.class);
    }
}

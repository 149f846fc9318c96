package io.aimsledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path REPOSITORY = Path.of("/repo");

    @Test
    void theDefaultsAreTheIssuesFigures() {
        BenchOptions options = BenchOptions.parse(REPOSITORY, List.of());
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.entities()).isEqualTo(100_000);
        assertThat(options.results()).isEqualTo(REPOSITORY.resolve("bench/results"));
    }

    @Test
    void optionsOverrideTheDefaults() {
        BenchOptions options = BenchOptions.parse(REPOSITORY, List.of("--events", "5000", "--seconds", "3"));
        assertThat(options.events()).isEqualTo(5000);
        assertThat(options.entities()).isEqualTo(500);
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(REPOSITORY, List.of("--concurrency", "0")))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(REPOSITORY, List.of("--speed", "9"))).hasMessageContaining("usage");
        assertThatThrownBy(() -> BenchOptions.parse(REPOSITORY, List.of("--events", "10", "--entities", "20")))
                .hasMessageContaining("entities");
        assertThatThrownBy(() -> BenchOptions.parse(REPOSITORY, List.of("--rate"))).hasMessageContaining("no value");
    }
}

package io.aimsledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.millis(50)).isEqualTo(50.0);
        assertThat(latencies.millis(99)).isEqualTo(99.0);
        assertThat(latencies.millis(100)).isEqualTo(100.0);
        assertThat(latencies.millis(0)).isEqualTo(1.0);
    }

    @Test
    void nothingRecordedHasNoPercentile() {
        assertThat(new Latencies().millis(50)).isNaN();
    }
}

package io.aimsledger.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by nearest rank. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code percentile} (0-100) in milliseconds; NaN when nothing was recorded. */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1_000_000.0;
    }
}

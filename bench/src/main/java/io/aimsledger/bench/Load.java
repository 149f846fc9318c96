package io.aimsledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} threads each repeat one operation as fast as it completes, first for
 * a warm-up, then for the measured time; operations that fail are counted, not timed.
 */
final class Load {

    /** One worker's operation; each worker gets its own (e.g. its own connection). */
    interface Operation {
        void run() throws Exception;
    }

    interface Worker {
        Operation create() throws Exception;
    }

    record Outcome(long completed, long failed, double seconds, Latencies latencies, String firstError) {

        double perSecond() {
            return completed / seconds;
        }
    }

    private Load() {
    }

    static Outcome run(int concurrency, Duration warmUp, Duration measure, Worker worker) throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            operations.add(worker.create());
        }
        Latencies latencies = new Latencies();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        StringBuilder firstError = new StringBuilder();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Operation operation : operations) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                    try {
                        operation.run();
                        long done = System.nanoTime();
                        if (now >= measureFrom) {
                            completed.incrementAndGet();
                            latencies.record(done - now);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) {
                                firstError.append(e);
                            }
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(completed.get(), failed.get(), measure.toNanos() / 1e9, latencies, firstError.toString());
    }
}

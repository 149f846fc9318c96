package io.aimsledger.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Load for the crash and outage tests: threads that each repeat their own write until stopped (or a bound). */
final class Writers implements AutoCloseable {

    /** One write of a thread; what a thread attempts may keep state between its writes. */
    interface Attempt {
        void run() throws Exception;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();

    private Writers(int count, int maxWritesPerThread, Supplier<Attempt> writerOfThread) {
        threads = Executors.newFixedThreadPool(count);
        for (int t = 0; t < count; t++) {
            Attempt attempt = writerOfThread.get();
            running.add(threads.submit(() -> {
                for (int n = 0; !stop.get() && n < maxWritesPerThread; n++) {
                    attempt.run();
                }
                return null;
            }));
        }
    }

    static Writers start(int count, int maxWritesPerThread, Supplier<Attempt> writerOfThread) {
        return new Writers(count, maxWritesPerThread, writerOfThread);
    }

    /** Stops the writers and waits for each to finish its write; rethrows what a writer threw. */
    void stopAndJoin() throws Exception {
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(2, TimeUnit.MINUTES);
        }
    }

    @Override
    public void close() {
        stop.set(true);
        threads.shutdown();
    }
}

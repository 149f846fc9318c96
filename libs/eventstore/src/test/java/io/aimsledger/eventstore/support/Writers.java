package io.aimsledger.eventstore.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.aimsledger.eventstore.store.ConcurrencyConflict;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Concurrent writers as a busy service has them: each transaction reads a random stream's version,
 * appends one to three events, then waits a random moment before committing, so transactions
 * commit in another order than their events were numbered.
 */
public final class Writers {

    private final EventStoreDatabase database;
    private final EventStore store = new EventStore();
    private final List<String> streams;
    private final AtomicLong conflicts = new AtomicLong();

    public Writers(EventStoreDatabase database, List<String> streams) {
        this.database = database;
        this.streams = streams;
    }

    /** Starts {@code writers} threads that together append exactly {@code events} events. */
    public List<Thread> start(int writers, int events, int maxDelayMillis) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int quota = events / writers + (w < events % writers ? 1 : 0);
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> write(quota, maxDelayMillis)));
        }
        return threads;
    }

    public static void join(List<Thread> threads) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    public long conflicts() {
        return conflicts.get();
    }

    private void write(int quota, int maxDelayMillis) {
        var random = ThreadLocalRandom.current();
        int written = 0;
        while (written < quota) {
            String stream = streams.get(random.nextInt(streams.size()));
            int count = Math.min(quota - written, 1 + random.nextInt(3));
            long delay = 1 + random.nextInt(maxDelayMillis);
            try {
                database.pool().withTransaction(c -> c.preparedQuery(
                                "select coalesce(max(stream_version), 0) as v from event_store where stream_id = $1")
                        .execute(Tuple.of(stream))
                        .map(rows -> rows.iterator().next().getLong("v"))
                        .flatMap(version -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, version,
                                SampleEvents.events(count), SampleEvents.metadata()))
                        .call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay))))
                        .await().atMost(Duration.ofSeconds(60));
                written += count;
            } catch (ConcurrencyConflict e) {
                conflicts.incrementAndGet();
            }
        }
    }
}

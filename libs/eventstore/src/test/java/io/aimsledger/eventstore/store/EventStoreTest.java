package io.aimsledger.eventstore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.smallrye.mutiny.Uni;

class EventStoreTest {

    private static EventStoreDatabase database;
    private final EventStore store = new EventStore();

    @BeforeAll
    static void createDatabase() {
        database = EventStoreDatabase.create("eventstore");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void anEventTypeWithoutAPublishedContractIsRefusedAndNothingIsWritten() {
        String stream = UUID.randomUUID().toString();
        var unregistered = new EventToAppend(UUID.randomUUID(), "io.aimsledger.nobody.thing-happened.v1", 1,
                Instant.parse("2026-03-31T10:15:30Z"), "{}");

        assertThatThrownBy(() -> database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE,
                0, List.of(SampleEvents.event(1), unregistered), SampleEvents.metadata())).await().indefinitely())
                .isInstanceOf(UnregisteredEventType.class)
                .hasMessageContaining("io.aimsledger.nobody.thing-happened.v1");
        assertThat(store.readStream(new ConnectionTransaction(database.pool()), stream).await().indefinitely()).isEmpty();
    }

    @Test
    void appendedEventsAreReadBackWithTheirMetadataInVersionOrder() {
        String stream = UUID.randomUUID().toString();
        long version = database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0,
                SampleEvents.events(3), SampleEvents.metadata())).await().indefinitely();
        long next = database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 3,
                List.of(SampleEvents.event(4)), SampleEvents.metadata())).await().indefinitely();

        List<StoredEvent> events = store.readStream(new ConnectionTransaction(database.pool()), stream).await().indefinitely();

        assertThat(version).isEqualTo(3);
        assertThat(next).isEqualTo(4);
        assertThat(events).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(StoredEvent::globalPosition).isSorted().doesNotHaveDuplicates();
        StoredEvent first = events.getFirst();
        assertThat(first.streamId()).isEqualTo(stream);
        assertThat(first.streamType()).isEqualTo(SampleEvents.STREAM_TYPE);
        assertThat(first.type()).isEqualTo(SampleEvents.TYPE);
        assertThat(first.actor()).isEqualTo("alice");
        assertThat(first.correlationId()).isEqualTo("corr-1");
        assertThat(first.causationId()).isEqualTo("cause-1");
        assertThat(first.traceparent()).isEqualTo(SampleEvents.TRACEPARENT);
        assertThat(first.occurredAt()).isEqualTo("2026-03-31T10:15:30Z");
        assertThat(first.recordedAt()).isNotNull();
        assertThat(first.payload()).isEqualToIgnoringWhitespace("{\"n\":1}");

        List<StoredEvent> after = store.readAfter(new ConnectionTransaction(database.pool()), first.globalPosition(), 10).await().indefinitely();
        assertThat(after).extracting(StoredEvent::eventId).contains(events.get(1).eventId(), events.get(3).eventId())
                .doesNotContain(first.eventId());
    }

    @Test
    void aStaleExpectedVersionIsATypedConflictAndWritesNothing() {
        String stream = UUID.randomUUID().toString();
        append(stream, 0, 2);

        assertThatThrownBy(() -> append(stream, 1, 1)).isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> append(stream, 0, 1)).isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> append(stream, 5, 1)).isInstanceOf(ConcurrencyConflict.class);
        assertThat(store.readStream(new ConnectionTransaction(database.pool()), stream).await().indefinitely()).hasSize(2);
    }

    @Test
    void ofTwoConcurrentAppendsWithTheSameExpectedVersionExactlyOneWins() {
        for (int round = 0; round < 20; round++) {
            String stream = UUID.randomUUID().toString();
            append(stream, 0, 1);
            // Both transactions insert before either commits; the second waits on the first's row lock.
            List<CompletableFuture<Long>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 1,
                                SampleEvents.events(2), SampleEvents.metadata())
                        .call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(50))))
                        .subscribeAsCompletionStage());
            }
            List<Object> outcomes = racers.stream().map(EventStoreTest::outcome).toList();

            assertThat(outcomes).filteredOn(o -> o.equals(3L)).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConcurrencyConflict).hasSize(1);
            assertThat(store.readStream(new ConnectionTransaction(database.pool()), stream).await().indefinitely())
                    .extracting(StoredEvent::streamVersion).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aRolledBackAppendLeavesNoEvent() {
        String stream = UUID.randomUUID().toString();
        assertThatThrownBy(() -> database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE,
                        0, SampleEvents.events(1), SampleEvents.metadata())
                .invoke(v -> {
                    throw new IllegalStateException("the read model update failed");
                })).await().indefinitely()).hasMessageContaining("read model");

        assertThat(store.readStream(new ConnectionTransaction(database.pool()), stream).await().indefinitely()).isEmpty();
    }

    private long append(String stream, long expected, int count) {
        return database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, expected,
                SampleEvents.events(count), SampleEvents.metadata())).await().indefinitely();
    }

    private static Object outcome(CompletableFuture<Long> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}

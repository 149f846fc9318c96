package io.aimsledger.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.EventToAppend;
import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.support.RecordingConsumer;
import io.aimsledger.eventstore.support.SampleEvents;
import io.aimsledger.eventstore.support.TestOutboxConfig;
import io.aimsledger.eventstore.support.Writers;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.testkit.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private EventStoreDatabase database;
    private RecordingConsumer consumer;
    private SimpleMeterRegistry metrics;
    private final EventStore store = new EventStore();

    @BeforeEach
    void setUp() {
        database = EventStoreDatabase.create("relay");
        consumer = new RecordingConsumer(database, TestServers.kafka().bootstrapServers());
        metrics = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        consumer.close();
        database.close();
    }

    private OutboxRelay relay() {
        return new OutboxRelay(database.dataSource(), TestOutboxConfig.defaults(), metrics,
                TestServers.kafka().bootstrapServers());
    }

    @Test
    void eightWritersTenThousandEventsTwoHundredStreamsAllArriveInOrderWithoutGaps() throws Exception {
        List<String> streams = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).toList();
        streams.forEach(consumer::watch);
        consumer.start();
        OutboxRelay relay = relay();
        relay.start();
        try {
            var writers = new Writers(database, streams);
            long started = System.nanoTime();
            Writers.join(writers.start(8, 10_000, 5));
            System.out.printf("8 writers appended 10,000 events in %d ms (%d conflicts retried); %d applied so far%n",
                    (System.nanoTime() - started) / 1_000_000, writers.conflicts(), consumer.appliedCount());

            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> consumer.appliedCount() >= 10_000);

            assertThat(database.count("select count(*) from event_store")).isEqualTo(10_000);
            assertThat(consumer.appliedCount()).isEqualTo(10_000);
            assertEveryStreamInVersionOrderWithoutGaps(consumer.appliedVersionsByStream(), 200);
            assertThat(metrics.counter("aims.outbox.published").count()).isGreaterThanOrEqualTo(10_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.lagEvents() == 0);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRolledBackAppendIsNeverPublishedAndTheTraceTravelsInTheRecord() {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        OutboxRelay relay = relay();
        relay.start();
        try {
            EventToAppend rolledBack = SampleEvents.event(1);
            assertThatThrownBy(() -> database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream,
                            SampleEvents.STREAM_TYPE, 0, List.of(rolledBack), SampleEvents.metadata())
                    .invoke(v -> {
                        throw new IllegalStateException("the read model update failed");
                    })).await().indefinitely()).hasMessageContaining("read model");
            EventToAppend committed = SampleEvents.event(2);
            database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0,
                    List.of(committed), SampleEvents.metadata())).await().indefinitely();

            // Delivered is recorded before the consumer's transaction commits; applied only after it.
            await().atMost(PATIENCE).until(() -> consumer.delivered(committed.eventId()) && consumer.appliedCount() > 0);

            assertThat(consumer.delivered(rolledBack.eventId())).isFalse();
            assertThat(consumer.appliedCount()).isEqualTo(1);
            var record = consumer.deliveries().getFirst();
            assertThat(record.key()).isEqualTo(stream);
            assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo(SampleEvents.TRACEPARENT);
            var envelope = CloudEventCodec.toEnvelope(CloudEventCodec.fromJson(record.value()));
            assertThat(envelope.traceparent()).isEqualTo(SampleEvents.TRACEPARENT);
            assertThat(envelope.actor()).isEqualTo("alice");
            assertThat(envelope.streamVersion()).isEqualTo(1);
            assertThat(envelope.source()).isEqualTo("/aims/inventory");
            assertThat(envelope.type()).isEqualTo(SampleEvents.TYPE);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRelayStoppedAbruptlyMidStreamLosesNothingWhenAnotherStarts() throws Exception {
        List<String> streams = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
        streams.forEach(consumer::watch);
        consumer.start();
        OutboxRelay first = relay();
        first.start();
        var writers = new Writers(database, streams);
        List<Thread> writing = writers.start(2, 3_000, 2);

        await().atMost(PATIENCE).until(() -> consumer.appliedCount() >= 300);
        first.stop();
        long appliedWhenStopped = consumer.appliedCount();
        OutboxRelay second = relay();
        second.start();
        try {
            Writers.join(writing);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                    .until(() -> consumer.appliedCount() >= 3_000);

            assertThat(appliedWhenStopped).isLessThan(3_000);
            assertThat(consumer.appliedCount()).isEqualTo(3_000);
            assertThat(consumer.deliveries()).hasSizeGreaterThanOrEqualTo(3_000);
            assertEveryStreamInVersionOrderWithoutGaps(consumer.appliedVersionsByStream(), 20);
        } finally {
            second.stop();
        }
    }

    @Test
    void onlyOneRelayPerDatabaseIsActiveAndAnotherTakesOverWhenItStops() {
        String stream = UUID.randomUUID().toString();
        consumer.watch(stream).start();
        OutboxRelay one = relay();
        OutboxRelay two = relay();
        one.start();
        two.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> one.isActive() || two.isActive());
            assertThat(one.isActive() && two.isActive()).isFalse();
            OutboxRelay active = one.isActive() ? one : two;
            OutboxRelay standby = active == one ? two : one;

            active.stop();
            await().atMost(Duration.ofSeconds(30)).until(standby::isActive);
            database.pool().withTransaction(c -> store.append(new ConnectionTransaction(c), stream, SampleEvents.STREAM_TYPE, 0,
                    SampleEvents.events(2), SampleEvents.metadata())).await().indefinitely();

            await().atMost(PATIENCE).until(() -> consumer.appliedCount() == 2);
        } finally {
            one.stop();
            two.stop();
        }
    }

    static void assertEveryStreamInVersionOrderWithoutGaps(Map<String, List<Long>> byStream, int streams) {
        assertThat(byStream).hasSize(streams);
        byStream.forEach((stream, versions) -> assertThat(versions)
                .as("versions of stream %s in the order they were applied", stream)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, versions.size()).boxed().toList()));
    }
}

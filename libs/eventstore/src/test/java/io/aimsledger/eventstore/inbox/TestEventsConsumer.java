package io.aimsledger.eventstore.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The test app's consumer of {@code aims.test.consumer.v1}: applies each event once, through the inbox,
 * into {@code consumed_effect}. An event of an unknown type is poison; one whose subject is
 * {@code broken} fails every time; {@link #failTransiently} makes the next attempts fail as a
 * database restarting would. A poll is applied as one batch unless it holds any of those.
 */
@ApplicationScoped
public class TestEventsConsumer {

    static final String TOPIC = "aims.test.consumer.v1";
    static final String DEAD_LETTERS = "aims.test.consumer.dlq.v1";
    static final String NAME = "test-events";
    private static final String CONSUMER = "consumer-test";

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger transientFailures = new AtomicInteger();
    private final Pool pool;
    private final Inbox inbox = new Inbox();
    private final BatchConsumer consumer;

    public TestEventsConsumer(Pool pool, DeadLetterLog deadLetters) {
        this.pool = pool;
        this.consumer = new BatchConsumer(NAME, this::apply, this::applyAll, deadLetters, OpenTelemetry.noop(),
                Duration.ofMillis(50));
    }

    /** How many times the event was applied on its own (not as part of a poll). */
    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** How many polls were tried as one batch. */
    public int batches() {
        return batches.get();
    }

    /** The next {@code count} attempts fail as a database restarting would. */
    public void failTransiently(int count) {
        transientFailures.set(count);
    }

    @Incoming("test-events")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        attempts.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
        if (Contracts.REGISTRY.contractOfType(event.getType()).isEmpty()) {
            throw new PoisonRecord("event.unknown-type", "no published contract has type " + event.getType());
        }
        if ("broken".equals(event.getSubject())) {
            return Uni.createFrom().failure(new IllegalStateException("a bug that no retry will fix"));
        }
        if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Uni.createFrom().failure(new java.net.ConnectException("Connection refused: the database is restarting"));
        }
        return pool.withTransaction(c -> effect(c, event));
    }

    private Uni<Void> applyAll(List<BatchHandler.Delivery> deliveries) {
        batches.incrementAndGet();
        if (deliveries.stream().anyMatch(d -> Contracts.REGISTRY.contractOfType(d.event().getType()).isEmpty()
                || "broken".equals(d.event().getSubject())) || transientFailures.get() > 0) {
            return Uni.createFrom().failure(new IllegalStateException("not as one batch"));
        }
        return pool.withTransaction(c -> Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(d -> effect(c, d.event()))
                .collect().last());
    }

    private Uni<Void> effect(SqlClient c, CloudEvent event) {
        var transaction = new ConnectionTransaction(c);
        return inbox.isProcessed(transaction, CONSUMER, event.getId()).flatMap(done -> done ? Uni.createFrom().voidItem()
                : c.preparedQuery("insert into consumed_effect (event_id, subject) values ($1, $2)")
                        .execute(Tuple.of(event.getId(), event.getSubject()))
                        .flatMap(ignored -> inbox.markProcessed(transaction, CONSUMER, event.getId())));
    }
}

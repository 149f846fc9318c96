package io.aimsledger.inventory.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.ingest.Ingest;
import io.aimsledger.eventstore.ingest.IngestRecords;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The same inbound types over Kafka: {@code aims.inventory.ingest.v1}, read by SmallRye Reactive
 * Messaging's Kafka connector (channel {@value #CHANNEL}); what cannot be applied goes to
 * {@code aims.inventory.ingest.dlq.v1} with {@code dlq-code} and {@code dlq-reason}. Each record is
 * applied in its own transaction, idempotently per ({@code source}, {@code id}) as over HTTP.
 */
@ApplicationScoped
public class KafkaIngest {

    public static final String CHANNEL = "inventory-ingest";
    public static final String TOPIC = "aims.inventory.ingest.v1";
    public static final String DEAD_LETTERS = "aims.inventory.ingest.dlq.v1";
    static final String GROUP = "inventory-ingest";

    private final BatchConsumer consumer;

    public KafkaIngest(Ingest ingest, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.consumer = BatchConsumer.recordByRecord(GROUP, new IngestRecords(ingest)::apply, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }
}

package io.aimsledger.risk.signal;

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
 * Risk signals over Kafka: {@code aims.risk.ingest.v1} (channel {@value #CHANNEL}); what cannot be
 * applied goes to {@code aims.risk.ingest.dlq.v1} with {@code dlq-code} and {@code dlq-reason}.
 */
@ApplicationScoped
public class KafkaIngest {

    public static final String CHANNEL = "risk-ingest";
    public static final String TOPIC = "aims.risk.ingest.v1";
    public static final String DEAD_LETTERS = "aims.risk.ingest.dlq.v1";
    static final String GROUP = "risk-ingest";

    private final BatchConsumer consumer;

    public KafkaIngest(Ingest ingest, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.consumer = BatchConsumer.recordByRecord(GROUP, new IngestRecords(ingest)::apply, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }
}

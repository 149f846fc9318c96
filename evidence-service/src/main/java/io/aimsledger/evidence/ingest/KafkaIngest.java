package io.aimsledger.evidence.ingest;

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
 * Evidence from integrations over Kafka: {@code aims.evidence.ingest.v1} (channel {@value #CHANNEL}); what
 * cannot be applied goes to {@code aims.evidence.ingest.dlq.v1} with {@code dlq-code} and {@code dlq-reason}.
 */
@ApplicationScoped
public class KafkaIngest {

    public static final String CHANNEL = "evidence-ingest";
    public static final String TOPIC = "aims.evidence.ingest.v1";
    public static final String DEAD_LETTERS = "aims.evidence.ingest.dlq.v1";

    private final BatchConsumer consumer;

    public KafkaIngest(Ingest ingest, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.consumer = BatchConsumer.recordByRecord(CHANNEL, new IngestRecords(ingest)::apply, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }
}

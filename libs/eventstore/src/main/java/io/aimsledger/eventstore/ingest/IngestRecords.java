package io.aimsledger.eventstore.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.aimsledger.eventstore.inbox.PoisonRecord;
import io.aimsledger.support.json.JsonBodies;
import io.aimsledger.support.problem.InvalidRequest;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;

/**
 * Ingest over Kafka: each record is a structured-mode CloudEvent applied as over HTTP; one that is not
 * JSON fit to store, or that ingest rejects, is a {@link PoisonRecord} with the code and reason that
 * go with it to the dead letter topic. For a service's {@code BatchConsumer}.
 */
public final class IngestRecords {

    private final Ingest ingest;

    public IngestRecords(Ingest ingest) {
        this.ingest = ingest;
    }

    public Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        try {
            JsonBodies.check(record.value());
        } catch (InvalidRequest e) {
            throw new PoisonRecord(IngestCodes.INVALID_CLOUDEVENT, e.problem().detail() + " " + e.violations());
        }
        InboundEvent inbound = InboundEvent.of(event);
        // No token on Kafka: the integration is known by the source it names.
        return ingest.apply(inbound, "integration:" + inbound.source()).map(result -> {
            if (result.status() == IngestResult.Status.REJECTED) {
                throw new PoisonRecord(result.code(), result.detail());
            }
            return null;
        });
    }
}

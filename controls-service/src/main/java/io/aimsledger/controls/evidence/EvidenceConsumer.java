package io.aimsledger.controls.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.aimsledger.eventstore.replica.ReplicaRecords;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the evidence events ({@code aims.evidence.v1}, channel {@value #CHANNEL}) into the replica that each
 * control's evidence summary is worked out from ({@link EvidenceSummaries}).
 */
@ApplicationScoped
public class EvidenceConsumer {

    public static final String CHANNEL = "evidence-events";

    private final BatchConsumer consumer;

    public EvidenceConsumer(CommandHandler handler, EntityReplica replica, Inbox inbox, DeadLetterLog deadLetters,
                            Instance<OpenTelemetry> telemetry) {
        var records = new ReplicaRecords<>(handler, replica, inbox, Contracts.EVIDENCE, "evidence-replica",
                ReplicaRecords.Reaction.none());
        this.consumer = BatchConsumer.perPoll("controls-evidence-replica", records::apply, records::applyAll, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }
}

package io.aimsledger.risk.aisystem;

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
 * Reads the controls' events ({@code aims.controls.v1}, channel {@value #CHANNEL}) into the replica, so
 * that a treatment may name a custom control.
 */
@ApplicationScoped
public class ControlsConsumer {

    public static final String CHANNEL = "controls-events";
    static final String GROUP = "risk-controls-replica";
    static final String INBOX = "controls-replica";

    private final BatchConsumer consumer;

    public ControlsConsumer(CommandHandler handler, EntityReplica replica, Inbox inbox, DeadLetterLog deadLetters,
                            Instance<OpenTelemetry> telemetry) {
        var records = new ReplicaRecords<>(handler, replica, inbox, Contracts.CONTROL, INBOX,
                ReplicaRecords.Reaction.none());
        this.consumer = BatchConsumer.perPoll(GROUP, records::apply, records::applyAll, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }
}

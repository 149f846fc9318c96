package io.aimsledger.evidence.replica;

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
 * The inventory's events ({@code aims.inventory.v1}, channel {@value #INVENTORY}) and the controls' events
 * ({@code aims.controls.v1}, channel {@value #CONTROLS}) into the replica that submissions and links are
 * checked against.
 */
@ApplicationScoped
public class ReplicaConsumers {

    public static final String INVENTORY = "inventory-events";
    public static final String CONTROLS = "controls-events";

    private final BatchConsumer inventory;
    private final BatchConsumer controls;

    public ReplicaConsumers(CommandHandler handler, EntityReplica replica, Inbox inbox, DeadLetterLog deadLetters,
                            Instance<OpenTelemetry> telemetry) {
        var aiSystems = new ReplicaRecords<>(handler, replica, inbox, Contracts.AI_SYSTEM, "inventory-replica",
                ReplicaRecords.Reaction.none());
        var catalogue = new ReplicaRecords<>(handler, replica, inbox, Contracts.CONTROL, "controls-replica",
                ReplicaRecords.Reaction.none());
        this.inventory = BatchConsumer.perPoll("evidence-inventory-replica", aiSystems::apply, aiSystems::applyAll, deadLetters,
                telemetry);
        this.controls = BatchConsumer.perPoll("evidence-controls-replica", catalogue::apply, catalogue::applyAll, deadLetters,
                telemetry);
    }

    @Incoming(INVENTORY)
    public Uni<Void> inventory(KafkaRecordBatch<String, byte[]> batch) {
        return inventory.apply(batch);
    }

    @Incoming(CONTROLS)
    public Uni<Void> controls(KafkaRecordBatch<String, byte[]> batch) {
        return controls.apply(batch);
    }
}

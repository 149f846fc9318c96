package io.aimsledger.risk.aisystem;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.aimsledger.eventstore.replica.ReplicaRecords;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.risk.impact.application.ImpactAssessmentCommandHandler;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand;
import io.aimsledger.risk.impact.domain.MaterialChange;
import io.aimsledger.risk.impact.readmodel.ImpactAssessmentReadModel;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the inventory's events ({@code aims.inventory.v1}, channel {@value #CHANNEL}) into the AI system
 * replica; a material change of an AI system marks its approved impact assessments stale in that same
 * transaction, as events caused by the inventory event (causation id its id, actor {@code system},
 * valid time its time).
 */
@ApplicationScoped
public class InventoryConsumer {

    public static final String CHANNEL = "inventory-events";
    static final String GROUP = "risk-inventory-replica";
    static final String INBOX = "inventory-replica";

    private final CommandHandler handler;
    private final ImpactAssessmentReadModel assessments;
    private final ImpactAssessmentCommandHandler commands;
    private final Clock clock;
    private final BatchConsumer consumer;

    public InventoryConsumer(CommandHandler handler, EntityReplica replica, Inbox inbox,
                             ImpactAssessmentReadModel assessments, ImpactAssessmentCommandHandler commands, Clock clock,
                             DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.handler = handler;
        this.assessments = assessments;
        this.commands = commands;
        this.clock = clock;
        var records = new ReplicaRecords<>(handler, replica, inbox, Contracts.AI_SYSTEM, INBOX, this::staleAssessments);
        this.consumer = BatchConsumer.perPoll(GROUP, records::apply, records::applyAll, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> staleAssessments(Transaction transaction, AiSystem before, InventoryEvent event,
                                       EventEnvelope envelope) {
        var reason = MaterialChange.of(before, event);
        if (reason.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var context = ReplicaRecords.causedBy(envelope, clock.instant());
        var command = new ImpactAssessmentCommand.MarkImpactAssessmentStale("The AI system changed: " + reason.get()
                + " (" + event.getClass().getSimpleName() + ").");
        return assessments.approvedOf(transaction, event.aiSystemId()).flatMap(ids -> ReplicaRecords.decideEach(handler,
                transaction, ids.stream().map(id -> commands.command(id, command, context, null)).toList()));
    }
}

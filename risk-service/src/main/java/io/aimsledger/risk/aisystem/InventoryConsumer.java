package io.aimsledger.risk.aisystem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.risk.impact.application.ImpactAssessmentCommandHandler;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand;
import io.aimsledger.risk.impact.domain.MaterialChange;
import io.aimsledger.risk.impact.readmodel.ImpactAssessmentReadModel;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the inventory's events ({@code aims.inventory.v1}, channel {@value #CHANNEL}) into the AI system
 * replica, each in one transaction with its inbox entry; a material change of an AI system marks its
 * approved impact assessments stale in that same transaction, as events caused by the inventory event
 * (causation id its id, actor {@value #ACTOR}, valid time its time).
 */
@ApplicationScoped
public class InventoryConsumer {

    public static final String CHANNEL = "inventory-events";
    static final String GROUP = "risk-inventory-replica";
    static final String INBOX = "inventory-replica";
    static final String ACTOR = "system";

    private final CommandHandler handler;
    private final AiSystemReplica replica;
    private final ImpactAssessmentReadModel assessments;
    private final ImpactAssessmentCommandHandler commands;
    private final Inbox inbox;
    private final Clock clock;
    private final BatchConsumer consumer;

    public InventoryConsumer(CommandHandler handler, AiSystemReplica replica, ImpactAssessmentReadModel assessments,
                             ImpactAssessmentCommandHandler commands, Inbox inbox, Clock clock,
                             DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.handler = handler;
        this.replica = replica;
        this.assessments = assessments;
        this.commands = commands;
        this.inbox = inbox;
        this.clock = clock;
        this.consumer = BatchConsumer.recordByRecord(GROUP, this::apply, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        if (!Contracts.REGISTRY.isKnown(event.getType())) {
            return Uni.createFrom().voidItem(); // a type of a later contract version: nothing this replica keeps
        }
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        var payload = (InventoryEvent) PayloadCodec.read(event.getType(), envelope.data());
        return handler.inTransaction(null, transaction -> inbox.isProcessed(transaction, INBOX, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : replica.apply(transaction, payload, envelope.streamVersion())
                        .flatMap(before -> staleAssessments(transaction, before, payload, envelope))
                        .call(() -> inbox.markProcessed(transaction, INBOX, event.getId()))));
    }

    private Uni<Void> staleAssessments(Transaction transaction, AiSystem before, InventoryEvent event,
                                       EventEnvelope envelope) {
        var reason = MaterialChange.of(before, event);
        if (reason.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant effectiveAt = envelope.time() == null || envelope.time().isAfter(now) ? null : envelope.time();
        var context = new CommandContext(ACTOR, now, effectiveAt,
                envelope.correlationId() == null ? envelope.id().toString() : envelope.correlationId(),
                envelope.id().toString(), envelope.traceparent());
        var command = new ImpactAssessmentCommand.MarkImpactAssessmentStale("The AI system changed: " + reason.get()
                + " (" + event.getClass().getSimpleName() + ").");
        return assessments.approvedOf(transaction, event.aiSystemId()).flatMap(ids -> markAll(transaction, ids,
                command, context));
    }

    private Uni<Void> markAll(Transaction transaction, List<UUID> ids, ImpactAssessmentCommand command,
                              CommandContext context) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id ->
                        handler.decide(transaction, commands.command(id, command, context, null))
                                .replaceWithVoid()
                                // a change back-dated to before the assessment existed does not make it stale
                                .onFailure(Rejection.class).recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}

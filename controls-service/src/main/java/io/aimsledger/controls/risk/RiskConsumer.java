package io.aimsledger.controls.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.controls.control.application.ControlCommandHandler;
import io.aimsledger.controls.control.domain.ControlCommand;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.aimsledger.eventstore.tx.Transaction;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the risk events ({@code aims.risk.v1}, channel {@value #CHANNEL}) into the risk replica, each in
 * one transaction with its inbox entry, and keeps the controls open risks rely on in step, in that same
 * transaction: a control a treatment names is relied on (and, if undecided, becomes applicable, API.md),
 * one it no longer names, or of a risk that closed, is released. Those control events are caused by the
 * risk event (causation id its id, actor {@value #ACTOR}, valid time its time).
 */
@ApplicationScoped
public class RiskConsumer {

    public static final String CHANNEL = "risk-events";
    static final String GROUP = "controls-risk-replica";
    static final String INBOX = "risk-replica";
    static final String ACTOR = "system";

    private final CommandHandler handler;
    private final ControlCommandHandler controls;
    private final EntityReplica replica;
    private final Inbox inbox;
    private final Clock clock;
    private final BatchConsumer consumer;

    public RiskConsumer(CommandHandler handler, ControlCommandHandler controls, EntityReplica replica, Inbox inbox,
                        Clock clock, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.handler = handler;
        this.controls = controls;
        this.replica = replica;
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
            return Uni.createFrom().voidItem(); // a type of a later contract version
        }
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        if (!(PayloadCodec.read(event.getType(), envelope.data()) instanceof RiskEvent.OfRisk payload)) {
            return Uni.createFrom().voidItem(); // impact assessments rely on no control
        }
        return handler.inTransaction(null, transaction -> inbox.isProcessed(transaction, INBOX, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : replica.apply(transaction, Contracts.RISK, payload.riskId().toString(), payload,
                                envelope.streamVersion())
                        .flatMap(before -> follow(transaction, before, payload, envelope))
                        .call(() -> inbox.markProcessed(transaction, INBOX, event.getId()))));
    }

    private Uni<Void> follow(Transaction transaction, Risk before, RiskEvent.OfRisk event, EventEnvelope envelope) {
        Set<String> was = reliedOn(before);
        Set<String> is = reliedOn(Risk.evolve(before, event));
        List<Change> changes = new ArrayList<>();
        is.stream().filter(id -> !was.contains(id)).forEach(id -> changes.add(new Change(id,
                new ControlCommand.RelyForRisk(event.riskId()))));
        was.stream().filter(id -> !is.contains(id)).forEach(id -> changes.add(new Change(id,
                new ControlCommand.ReleaseFromRisk(event.riskId()))));
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant effectiveAt = envelope.time() == null || envelope.time().isAfter(now) ? null : envelope.time();
        var context = new CommandContext(ACTOR, now, effectiveAt,
                envelope.correlationId() == null ? envelope.id().toString() : envelope.correlationId(),
                envelope.id().toString(), envelope.traceparent());
        return Multi.createFrom().iterable(changes).onItem().transformToUniAndConcatenate(change ->
                        handler.decide(transaction, controls.command(change.controlId(), change.command(), context, null))
                                .replaceWithVoid()
                                // a control the catalogue does not have, or a change back-dated before it existed
                                .onFailure(Rejection.class).recoverWithNull())
                .collect().last().replaceWithVoid();
    }

    private record Change(String controlId, ControlCommand command) {
    }

    /** The controls an open risk's treatment relies on. */
    private static Set<String> reliedOn(Risk risk) {
        if (!risk.exists() || risk.closed() || risk.treatment() == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(risk.treatment().controlIds());
    }
}

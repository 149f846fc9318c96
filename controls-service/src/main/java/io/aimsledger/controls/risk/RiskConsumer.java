package io.aimsledger.controls.risk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.controls.control.application.ControlCommandHandler;
import io.aimsledger.controls.control.domain.ControlCommand;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.aimsledger.eventstore.replica.ReplicaRecords;
import io.aimsledger.eventstore.tx.Transaction;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the risk events ({@code aims.risk.v1}, channel {@value #CHANNEL}) into the risk replica and keeps
 * the controls open risks rely on in step, in each event's transaction: a control a treatment names is
 * relied on (and, if undecided, becomes applicable, API.md), one it no longer names, or of a risk that
 * closed, is released; those control events are caused by the risk event (actor {@code system}).
 */
@ApplicationScoped
public class RiskConsumer {

    public static final String CHANNEL = "risk-events";
    static final String GROUP = "controls-risk-replica";
    static final String INBOX = "risk-replica";

    private final CommandHandler handler;
    private final ControlCommandHandler controls;
    private final Clock clock;
    private final BatchConsumer consumer;

    public RiskConsumer(CommandHandler handler, ControlCommandHandler controls, EntityReplica replica, Inbox inbox,
                        Clock clock, DeadLetterLog deadLetters, Instance<OpenTelemetry> telemetry) {
        this.handler = handler;
        this.controls = controls;
        this.clock = clock;
        var records = new ReplicaRecords<>(handler, replica, inbox, Contracts.RISK, INBOX, this::follow);
        this.consumer = BatchConsumer.perPoll(GROUP, records::apply, records::applyAll, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> follow(Transaction transaction, Risk before, RiskEvent.OfRisk event, EventEnvelope envelope) {
        Set<String> was = reliedOn(before);
        Set<String> is = reliedOn(Risk.evolve(before, event));
        var context = ReplicaRecords.causedBy(envelope, clock.instant());
        List<Command<ControlCommand, Control, ControlEvent>> changes = new ArrayList<>();
        is.stream().filter(id -> !was.contains(id)).forEach(id -> changes.add(controls.command(id,
                new ControlCommand.RelyForRisk(event.riskId()), context, null)));
        was.stream().filter(id -> !is.contains(id)).forEach(id -> changes.add(controls.command(id,
                new ControlCommand.ReleaseFromRisk(event.riskId()), context, null)));
        return ReplicaRecords.decideEach(handler, transaction, changes);
    }

    /** The controls an open risk's treatment relies on. */
    private static Set<String> reliedOn(Risk risk) {
        if (!risk.exists() || risk.closed() || risk.treatment() == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(risk.treatment().controlIds());
    }
}

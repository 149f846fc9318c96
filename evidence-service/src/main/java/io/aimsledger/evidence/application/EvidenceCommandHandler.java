package io.aimsledger.evidence.application;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.eventstore.command.Aggregate;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.evidence.domain.EvidenceCommand;
import io.aimsledger.evidence.domain.EvidenceDecider;
import io.aimsledger.evidence.readmodel.EvidenceReadModel;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;

/** Evidence commands for the shared pipeline: the decider, codec and read model. */
@ApplicationScoped
public class EvidenceCommandHandler {

    public static final String STREAM_TYPE = "evidence";

    private final CommandHandler handler;
    private final Aggregate<EvidenceCommand, Evidence, EvidenceEvent> evidence;

    public EvidenceCommandHandler(CommandHandler handler, EvidenceReadModel readModel) {
        this.handler = handler;
        this.evidence = new Aggregate<>(STREAM_TYPE, new EvidenceDecider(), new ContractEventCodec<>(EvidenceEvent.class),
                readModel::save);
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/evidence/" + id);
    }

    public static EvidenceView view(Decision<Evidence, EvidenceEvent> decision) {
        return EvidenceView.of(decision.state(), decision.version(), decision.createdAt(), decision.updatedAt());
    }

    public Command<EvidenceCommand, Evidence, EvidenceEvent> command(UUID id, EvidenceCommand command,
                                                                    CommandContext context, ExpectedVersion expected) {
        return evidence.command(id, command, context, expected);
    }

    /** Decides and stores {@code command}, with {@code alsoCommit} on its transaction. */
    @WithSpan("evidence command")
    public Uni<Decision<Evidence, EvidenceEvent>> handle(UUID id, EvidenceCommand command, CommandContext context,
                                                         CommandHandler.AlsoInTransaction<Evidence, EvidenceEvent> alsoCommit) {
        return handler.handle(command(id, command, context, null), alsoCommit);
    }
}

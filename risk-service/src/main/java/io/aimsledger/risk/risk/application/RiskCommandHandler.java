package io.aimsledger.risk.risk.application;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.eventstore.command.Aggregate;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.risk.risk.domain.RiskCommand;
import io.aimsledger.risk.risk.domain.RiskDecider;
import io.aimsledger.risk.risk.readmodel.RiskReadModel;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;

/** Risk commands for the shared pipeline: the register's decider, codec and read model. */
@ApplicationScoped
public class RiskCommandHandler {

    public static final String STREAM_TYPE = "risk";

    private final CommandHandler handler;
    private final Aggregate<RiskCommand, Risk, OfRisk> risks;

    public RiskCommandHandler(CommandHandler handler, RiskReadModel readModel) {
        this.handler = handler;
        this.risks = new Aggregate<>(STREAM_TYPE, new RiskDecider(), new ContractEventCodec<>(OfRisk.class),
                readModel::save);
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/risks/" + id);
    }

    public static RiskView view(Decision<Risk, OfRisk> decision) {
        return RiskView.of(decision.state(), decision.version(), decision.createdAt(), decision.updatedAt());
    }

    public Command<RiskCommand, Risk, OfRisk> command(UUID id, RiskCommand command, CommandContext context,
                                                      ExpectedVersion expected) {
        return risks.command(id, command, context, expected);
    }

    /** Decides and stores {@code command}, with {@code alsoCommit} on its transaction. */
    @WithSpan("risk command")
    public Uni<Decision<Risk, OfRisk>> handle(UUID id, RiskCommand command, CommandContext context,
                                              CommandHandler.AlsoInTransaction<Risk, OfRisk> alsoCommit) {
        return handler.handle(command(id, command, context, null), alsoCommit);
    }
}

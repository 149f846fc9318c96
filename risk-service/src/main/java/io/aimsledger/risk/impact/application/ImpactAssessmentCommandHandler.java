package io.aimsledger.risk.impact.application;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.risk.v1.ImpactAssessment;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfImpactAssessment;
import io.aimsledger.eventstore.command.Aggregate;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand;
import io.aimsledger.risk.impact.domain.ImpactAssessmentDecider;
import io.aimsledger.risk.impact.readmodel.ImpactAssessmentReadModel;

/** Impact assessment commands for the shared pipeline: the decider, codec and read model. */
@ApplicationScoped
public class ImpactAssessmentCommandHandler {

    public static final String STREAM_TYPE = "impact-assessment";

    private final Aggregate<ImpactAssessmentCommand, ImpactAssessment, OfImpactAssessment> assessments;

    public ImpactAssessmentCommandHandler(ImpactAssessmentReadModel readModel) {
        this.assessments = new Aggregate<>(STREAM_TYPE, new ImpactAssessmentDecider(),
                new ContractEventCodec<>(OfImpactAssessment.class), readModel::save);
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/impact-assessments/" + id);
    }

    public static ImpactAssessmentView view(Decision<ImpactAssessment, OfImpactAssessment> decision) {
        return ImpactAssessmentView.of(decision.state(), decision.version(), decision.createdAt(), decision.updatedAt());
    }

    public Command<ImpactAssessmentCommand, ImpactAssessment, OfImpactAssessment> command(
            UUID id, ImpactAssessmentCommand command, CommandContext context, ExpectedVersion expected) {
        return assessments.command(id, command, context, expected);
    }
}

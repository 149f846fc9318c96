package io.aimsledger.risk.risk.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.risk.v1.Rating;
import io.aimsledger.contracts.risk.v1.RiskDetails;
import io.aimsledger.contracts.risk.v1.RiskSignal;
import io.aimsledger.contracts.risk.v1.Treatment;

/**
 * What may be asked of a risk. Who asks and when travel in a command wherever a rule depends on them
 * (an assessor, an approver); {@code appetite} is the risk appetite in force when it is asked.
 */
public sealed interface RiskCommand {

    record IdentifyRisk(UUID riskId, List<UUID> aiSystemIds, RiskDetails details, int appetite) implements RiskCommand {
    }

    record ChangeRiskDetails(RiskDetailsPatch patch) implements RiskCommand {
    }

    record AssessRisk(Rating rating, String rationale, String assessor, int appetite) implements RiskCommand {
    }

    record PlanTreatment(Treatment treatment) implements RiskCommand {
    }

    record AssessResidualRisk(Rating rating, String rationale, String assessor, int appetite) implements RiskCommand {
    }

    record AcceptRisk(String approver, String rationale, Instant at, Instant expiresAt) implements RiskCommand {
    }

    /** A breaching signal from monitoring; {@code ingestId} is the CloudEvent's source#id. */
    record RecordSignal(RiskSignal signal, String ingestId) implements RiskCommand {
    }

    record CloseRisk(String reason) implements RiskCommand {
    }

    record ReopenRisk(String reason) implements RiskCommand {
    }
}

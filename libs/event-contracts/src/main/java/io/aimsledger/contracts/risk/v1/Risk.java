package io.aimsledger.contracts.risk.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;

/**
 * A risk as its events made it: the one fold the risk decider decides on and the audit derives its
 * versions with. {@code version} counts the events folded (the stream's version), which an acceptance
 * is bound to; {@code beforeAcceptance} and {@code beforeClose} are the statuses a stale acceptance and
 * a reopening return to.
 */
public record Risk(UUID id, List<UUID> aiSystemIds, RiskDetails details, Rating inherent, Treatment treatment,
                   Rating residual, RiskStatus status, RiskStatus beforeAcceptance, RiskStatus beforeClose,
                   Acceptance acceptance, String lastAssessor, int appetite, List<RiskSignal> signals, long version) {

    /** How many signals the view keeps, the latest last. */
    public static final int RECENT_SIGNALS = 10;

    public static Risk none() {
        return new Risk(null, List.of(), null, null, null, null, null, null, null, null, null, 0, List.of(), 0);
    }

    public boolean exists() {
        return status != null;
    }

    public boolean closed() {
        return status == RiskStatus.CLOSED;
    }

    /** The score appetite is compared with: the residual one, or the inherent one while untreated. */
    public boolean overAppetite() {
        Rating rating = residual != null ? residual : inherent;
        return rating != null && rating.score() > appetite;
    }

    public static Risk evolve(Risk state, OfRisk event) {
        Risk next = switch (event) {
            case RiskEvent.RiskIdentified identified -> new Risk(identified.riskId(),
                    List.copyOf(identified.aiSystemIds()), identified.details(), null, null, null,
                    RiskStatus.IDENTIFIED, null, null, null, null, identified.appetite(), List.of(), 0);
            case RiskEvent.RiskDetailsChanged changed -> state.with(changed.details());
            case RiskEvent.RiskAssessed assessed -> state.changedAfterAcceptance(
                    state.status == RiskStatus.IDENTIFIED ? RiskStatus.ASSESSED : state.status)
                    .withInherent(assessed.rating(), assessed.assessor(), assessed.appetite());
            case RiskEvent.TreatmentPlanned planned -> state.changedAfterAcceptance(RiskStatus.TREATMENT_PLANNED)
                    .withTreatment(planned.treatment());
            case RiskEvent.ResidualRiskAssessed assessed -> state.changedAfterAcceptance(RiskStatus.TREATED)
                    .withResidual(assessed.rating(), assessed.assessor(), assessed.appetite());
            case RiskEvent.RiskAccepted accepted -> state.accepted(new Acceptance(accepted.acceptedBy(),
                    accepted.rationale(), accepted.acceptedAt(), accepted.riskVersion(), accepted.expiresAt(), false));
            case RiskEvent.RiskSignalRecorded recorded -> state.withSignal(recorded.signal());
            case RiskEvent.RiskClosed closed -> state.withStatus(RiskStatus.CLOSED, state.beforeAcceptance, state.status);
            case RiskEvent.RiskReopened reopened -> state.withStatus(state.beforeClose, state.beforeAcceptance, null);
        };
        return next.counted(state.version + 1);
    }

    /**
     * The status a change of assessment, treatment or residual leaves: after an acceptance, the status
     * before it, with the acceptance stale (API.md: a decision stays bound to the state it was made on);
     * otherwise {@code otherwise}.
     */
    private Risk changedAfterAcceptance(RiskStatus otherwise) {
        if (status == RiskStatus.ACCEPTED) {
            return new Risk(id, aiSystemIds, details, inherent, treatment, residual, beforeAcceptance, null,
                    beforeClose, acceptance.madeStale(), lastAssessor, appetite, signals, version);
        }
        return withStatus(otherwise, beforeAcceptance, beforeClose);
    }

    /** A breaching signal returns a treated or accepted risk to ASSESSED, its acceptance stale. */
    private Risk withSignal(RiskSignal signal) {
        List<RiskSignal> recent = new ArrayList<>(signals);
        recent.add(signal);
        if (recent.size() > RECENT_SIGNALS) {
            recent.subList(0, recent.size() - RECENT_SIGNALS).clear();
        }
        boolean reassess = status == RiskStatus.TREATED || status == RiskStatus.ACCEPTED;
        return new Risk(id, aiSystemIds, details, inherent, treatment, residual,
                reassess ? RiskStatus.ASSESSED : status, reassess ? null : beforeAcceptance, beforeClose,
                reassess && acceptance != null ? acceptance.madeStale() : acceptance, lastAssessor, appetite,
                List.copyOf(recent), version);
    }

    private Risk accepted(Acceptance next) {
        RiskStatus before = status == RiskStatus.ACCEPTED ? beforeAcceptance : status;
        return new Risk(id, aiSystemIds, details, inherent, treatment, residual, RiskStatus.ACCEPTED, before,
                beforeClose, next, lastAssessor, appetite, signals, version);
    }

    private Risk with(RiskDetails next) {
        return new Risk(id, aiSystemIds, next, inherent, treatment, residual, status, beforeAcceptance, beforeClose,
                acceptance, lastAssessor, appetite, signals, version);
    }

    private Risk withInherent(Rating rating, String assessor, int nextAppetite) {
        return new Risk(id, aiSystemIds, details, rating, treatment, residual, status, beforeAcceptance, beforeClose,
                acceptance, assessor, nextAppetite, signals, version);
    }

    private Risk withTreatment(Treatment next) {
        return new Risk(id, aiSystemIds, details, inherent, next, residual, status, beforeAcceptance, beforeClose,
                acceptance, lastAssessor, appetite, signals, version);
    }

    private Risk withResidual(Rating rating, String assessor, int nextAppetite) {
        return new Risk(id, aiSystemIds, details, inherent, treatment, rating, status, beforeAcceptance, beforeClose,
                acceptance, assessor, nextAppetite, signals, version);
    }

    private Risk withStatus(RiskStatus next, RiskStatus nextBeforeAcceptance, RiskStatus nextBeforeClose) {
        return new Risk(id, aiSystemIds, details, inherent, treatment, residual, next, nextBeforeAcceptance,
                nextBeforeClose, acceptance, lastAssessor, appetite, signals, version);
    }

    private Risk counted(long events) {
        return new Risk(id, aiSystemIds, details, inherent, treatment, residual, status, beforeAcceptance,
                beforeClose, acceptance, lastAssessor, appetite, signals, events);
    }
}

package io.aimsledger.evidence.domain;

import java.util.List;

import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
import io.aimsledger.evidence.domain.EvidenceCommand.ExpireEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.LinkEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.ReviewEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.SubmitEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.SupersedeEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.UnlinkControl;

/**
 * The rules of evidence (ISO/IEC 42001 7.5, 9.1): it holds from when what it shows became true until its
 * {@code validUntil}; it is reviewed once, by someone other than its collector (four eyes); a superseded
 * piece changes no more; it expires once.
 */
public final class EvidenceDecider implements Decider<EvidenceCommand, Evidence, EvidenceEvent> {

    @Override
    public Evidence initialState() {
        return Evidence.none();
    }

    @Override
    public List<EvidenceEvent> decide(EvidenceCommand command, Evidence state) {
        return switch (command) {
            case SubmitEvidence submit when state.exists() ->
                    throw Rejection.conflict(EvidenceProblems.EXISTS, "Evidence with this id exists.");
            case SubmitEvidence submit -> submit(submit);
            case EvidenceCommand any when !state.exists() ->
                    throw Rejection.notFound(EvidenceProblems.NOT_FOUND, "No evidence has this id.");
            case ExpireEvidence expire -> expire(state, expire);
            case EvidenceCommand any when state.superseded() -> throw Rejection.conflict(EvidenceProblems.SUPERSEDED,
                    "This evidence was superseded by " + state.supersededBy() + " and changes no more.");
            case LinkEvidence link -> link(state, link);
            case UnlinkControl unlink -> state.controlIds().contains(unlink.controlId())
                    ? List.of(new EvidenceEvent.EvidenceUnlinked(state.id(), unlink.controlId())) : List.of();
            case ReviewEvidence review -> review(state, review);
            case SupersedeEvidence supersede when supersede.byEvidenceId().equals(state.id()) ->
                    throw Rejection.unprocessable(EvidenceProblems.SUPERSEDES_ITSELF, "Evidence cannot supersede itself.");
            case SupersedeEvidence supersede ->
                    List.of(new EvidenceEvent.EvidenceSuperseded(state.id(), supersede.byEvidenceId()));
        };
    }

    @Override
    public Evidence evolve(Evidence state, EvidenceEvent event) {
        return Evidence.evolve(state, event);
    }

    private static List<EvidenceEvent> submit(SubmitEvidence submit) {
        if (submit.validUntil() != null && !submit.validUntil().isAfter(submit.effectiveAt())) {
            throw Rejection.unprocessable(EvidenceProblems.VALIDITY, "validUntil (" + submit.validUntil()
                    + ") must be after effectiveAt (" + submit.effectiveAt() + ").");
        }
        return List.of(new EvidenceEvent.EvidenceSubmitted(submit.evidenceId(), submit.title(), submit.description(),
                submit.kind(), submit.controlIds(), submit.aiSystemIds(), submit.effectiveAt(), submit.validUntil(),
                submit.collectedBy(), submit.source(), submit.content(), submit.externalUri(), submit.sha256()));
    }

    private static List<EvidenceEvent> link(Evidence state, LinkEvidence link) {
        var controls = link.controlIds().stream().filter(id -> !state.controlIds().contains(id)).distinct().toList();
        var aiSystems = link.aiSystemIds().stream().filter(id -> !state.aiSystemIds().contains(id)).distinct().toList();
        return controls.isEmpty() && aiSystems.isEmpty() ? List.of()
                : List.of(new EvidenceEvent.EvidenceLinked(state.id(), controls, aiSystems));
    }

    private static List<EvidenceEvent> review(Evidence state, ReviewEvidence review) {
        if (state.reviewed()) {
            throw Rejection.conflict(EvidenceProblems.ALREADY_REVIEWED, "This evidence was reviewed ("
                    + state.reviews().getLast().decision() + " by " + state.reviews().getLast().by()
                    + "); submit new evidence to change the outcome.");
        }
        if (review.by().equals(state.collectedBy())) {
            throw Rejection.conflict(EvidenceProblems.SAME_PERSON, "Evidence is reviewed by someone other than "
                    + "who collected it (" + state.collectedBy() + ").");
        }
        return List.of(new EvidenceEvent.EvidenceReviewed(state.id(), new Review(review.by(), review.decision(),
                review.comment(), review.at())));
    }

    /** Nothing until {@code validUntil} has passed; then once, unless it was rejected or superseded. */
    private static List<EvidenceEvent> expire(Evidence state, ExpireEvidence expire) {
        boolean due = state.validUntil() != null && !state.validUntil().isAfter(expire.now());
        if (!due || state.expired() || state.superseded() || state.rejected()) {
            return List.of();
        }
        return List.of(new EvidenceEvent.EvidenceExpired(state.id(), state.validUntil()));
    }
}

package io.aimsledger.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceExpired;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceLinked;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceReviewed;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceSubmitted;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceSuperseded;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent.EvidenceUnlinked;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.evidence.domain.EvidenceCommand.ExpireEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.LinkEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.ReviewEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.SubmitEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.SupersedeEvidence;
import io.aimsledger.evidence.domain.EvidenceCommand.UnlinkControl;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EvidenceDeciderTest {

    static final UUID ID = UUID.fromString("6b0f2c52-8f4e-4d0a-9d61-3c2f4f1e7a10");
    static final UUID NEWER = UUID.fromString("0d6c3a9e-5b7f-4b1e-8e0a-2f4d6c8b1a33");
    static final Instant EFFECTIVE = Instant.parse("2026-01-15T00:00:00Z");
    static final Instant VALID_UNTIL = Instant.parse("2026-07-15T00:00:00Z");
    static final Instant REVIEWED_AT = Instant.parse("2026-01-20T00:00:00Z");
    static final EvidenceSubmitted SUBMITTED = new EvidenceSubmitted(ID, "Bias test", null, EvidenceKind.TEST_REPORT,
            List.of("A.6.2.4"), List.of(), EFFECTIVE, VALID_UNTIL, "alice", "MANUAL", null, "https://r.example/1",
            "ab".repeat(32));
    static final EvidenceReviewed ACCEPTED = new EvidenceReviewed(ID, new Review("bob", ReviewDecision.ACCEPT, "ok",
            REVIEWED_AT));
    static final EvidenceReviewed REJECTED = new EvidenceReviewed(ID, new Review("bob", ReviewDecision.REJECT, "no",
            REVIEWED_AT));

    private final DeciderSpecification<EvidenceCommand, Evidence, EvidenceEvent> evidence =
            DeciderSpecification.of(new EvidenceDecider());

    static SubmitEvidence submit(Instant effectiveAt, Instant validUntil) {
        return new SubmitEvidence(ID, "Bias test", null, EvidenceKind.TEST_REPORT, List.of("A.6.2.4"), List.of(),
                effectiveAt, validUntil, "alice", "MANUAL", null, "https://r.example/1", "ab".repeat(32));
    }

    @Test
    void submittedOnceAndValidOnlyAfterItTookEffect() {
        evidence.given().when(submit(EFFECTIVE, VALID_UNTIL)).then(SUBMITTED);
        evidence.given(SUBMITTED).when(submit(EFFECTIVE, VALID_UNTIL)).thenRejectedWith(EvidenceProblems.EXISTS);
        evidence.given().when(submit(EFFECTIVE, EFFECTIVE)).thenRejectedWith(EvidenceProblems.VALIDITY);
        evidence.given().when(new LinkEvidence(List.of("A.5.2"), List.of())).thenRejectedWith(EvidenceProblems.NOT_FOUND);
        assertThat(new EvidenceDecider().fold(List.of(SUBMITTED)).status()).isEqualTo(EvidenceStatus.PENDING_REVIEW);
    }

    @Test
    void reviewedOnceBySomeoneOtherThanTheCollector() {
        evidence.given(SUBMITTED).when(new ReviewEvidence("alice", ReviewDecision.ACCEPT, null, REVIEWED_AT))
                .thenRejectedWith(EvidenceProblems.SAME_PERSON);
        evidence.given(SUBMITTED).when(new ReviewEvidence("bob", ReviewDecision.ACCEPT, "ok", REVIEWED_AT)).then(ACCEPTED);
        evidence.given(SUBMITTED, ACCEPTED).when(new ReviewEvidence("carol", ReviewDecision.REJECT, null, REVIEWED_AT))
                .thenRejectedWith(EvidenceProblems.ALREADY_REVIEWED);
        assertThat(new EvidenceDecider().fold(List.of(SUBMITTED, ACCEPTED)).status()).isEqualTo(EvidenceStatus.ACCEPTED);
        assertThat(new EvidenceDecider().fold(List.of(SUBMITTED, REJECTED)).status()).isEqualTo(EvidenceStatus.REJECTED);
    }

    @Test
    void linksChangeOnlyWhatIsNew() {
        evidence.given(SUBMITTED).when(new LinkEvidence(List.of("A.6.2.4", "A.6.2.5", "A.6.2.5"), List.of()))
                .then(new EvidenceLinked(ID, List.of("A.6.2.5"), List.of()));
        evidence.given(SUBMITTED).when(new LinkEvidence(List.of("A.6.2.4"), List.of())).thenNothingHappens();
        evidence.given(SUBMITTED).when(new UnlinkControl("A.6.2.4")).then(new EvidenceUnlinked(ID, "A.6.2.4"));
        evidence.given(SUBMITTED).when(new UnlinkControl("A.9.9")).thenNothingHappens();
    }

    @Test
    void supersededEvidenceNamesItsSuccessorAndChangesNoMore() {
        EvidenceSuperseded superseded = new EvidenceSuperseded(ID, NEWER);
        evidence.given(SUBMITTED).when(new SupersedeEvidence(ID)).thenRejectedWith(EvidenceProblems.SUPERSEDES_ITSELF);
        evidence.given(SUBMITTED, ACCEPTED).when(new SupersedeEvidence(NEWER)).then(superseded);
        evidence.given(SUBMITTED, superseded).when(new ReviewEvidence("bob", ReviewDecision.ACCEPT, null, REVIEWED_AT))
                .thenRejectedWith(EvidenceProblems.SUPERSEDED);
        evidence.given(SUBMITTED, superseded).when(new ExpireEvidence(VALID_UNTIL)).thenNothingHappens();
        Evidence state = new EvidenceDecider().fold(List.of(SUBMITTED, ACCEPTED, superseded));
        assertThat(state.status()).isEqualTo(EvidenceStatus.SUPERSEDED);
        assertThat(state.currentAt(REVIEWED_AT)).isFalse();
    }

    @Test
    void expiresAtItsValidUntilOnceAndNotWhenRejected() {
        evidence.given(SUBMITTED).when(new ExpireEvidence(VALID_UNTIL.minusMillis(1))).thenNothingHappens();
        evidence.given(SUBMITTED, ACCEPTED).when(new ExpireEvidence(VALID_UNTIL))
                .then(new EvidenceExpired(ID, VALID_UNTIL));
        evidence.given(SUBMITTED, ACCEPTED, new EvidenceExpired(ID, VALID_UNTIL)).when(new ExpireEvidence(VALID_UNTIL))
                .thenNothingHappens();
        evidence.given(SUBMITTED, REJECTED).when(new ExpireEvidence(VALID_UNTIL)).thenNothingHappens();
        Evidence expired = new EvidenceDecider().fold(List.of(SUBMITTED, ACCEPTED, new EvidenceExpired(ID, VALID_UNTIL)));
        assertThat(expired.status()).isEqualTo(EvidenceStatus.EXPIRED);
        assertThat(expired.accepted()).as("still accepted for the time it held").isTrue();
        assertThat(expired.currentAt(VALID_UNTIL.minusSeconds(1))).isTrue();
        assertThat(expired.currentAt(VALID_UNTIL)).isFalse();
    }

    /** Whatever the sweeps ask and when, the stream holds one expiry exactly when one of them came at or after validUntil. */
    @Property
    void anySequenceOfSweepsExpiresAtMostOnce(@ForAll("sweepTimes") List<Instant> sweeps, @ForAll boolean reviewed) {
        var decider = new EvidenceDecider();
        List<EvidenceEvent> stream = new ArrayList<>(reviewed ? List.of(SUBMITTED, ACCEPTED) : List.of(SUBMITTED));
        for (Instant now : sweeps) {
            stream.addAll(decider.decide(new ExpireEvidence(now), decider.fold(stream)));
        }
        long expiries = stream.stream().filter(EvidenceExpired.class::isInstance).count();
        boolean due = sweeps.stream().anyMatch(now -> !now.isBefore(VALID_UNTIL));
        assertThat(expiries).isEqualTo(due ? 1 : 0);
    }

    @Provide
    Arbitrary<List<Instant>> sweepTimes() {
        return Arbitraries.longs().between(-86_400, 86_400).map(VALID_UNTIL::plusSeconds).list().ofMaxSize(20);
    }
}

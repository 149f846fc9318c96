package io.aimsledger.risk.impact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.risk.v1.Decision;
import io.aimsledger.contracts.risk.v1.Impact;
import io.aimsledger.contracts.risk.v1.ImpactAssessment;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactDimension;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfImpactAssessment;
import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.ApproveImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.IdentifyImpact;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.MarkImpactAssessmentStale;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.RejectImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.RemoveImpact;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.StartImpactAssessment;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand.SubmitImpactAssessment;
import io.aimsledger.risk.risk.domain.RiskProblems;

class ImpactAssessmentDeciderTest {

    static final UUID ID = UUID.fromString("9c1d6a0e-1c1b-4b6e-9a55-0d5c1a2b3c41");
    static final UUID SYSTEM = UUID.fromString("0b6a2a7e-35c5-4f6a-9d1e-6f1d1c2b3a40");
    static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
    static final Impact DENIAL = new Impact(UUID.fromString("5d2e0000-0000-4000-8000-000000000001"), "applicants",
            ImpactDimension.FAIRNESS, "Qualified applicants denied", 4, 3, "Human review of denials");
    static final RiskEvent.ImpactAssessmentStarted STARTED = new RiskEvent.ImpactAssessmentStarted(ID, SYSTEM,
            "Credit decisions in retail lending", "alice");
    static final RiskEvent.ImpactIdentified IDENTIFIED = new RiskEvent.ImpactIdentified(ID, DENIAL);
    static final RiskEvent.ImpactAssessmentSubmitted SUBMITTED = new RiskEvent.ImpactAssessmentSubmitted(ID);
    static final RiskEvent.ImpactAssessmentApproved APPROVED = new RiskEvent.ImpactAssessmentApproved(ID,
            new Decision("bob", "thorough", T), LocalDate.parse("2027-06-01"));
    static final RiskEvent.ImpactAssessmentRejected REJECTED = new RiskEvent.ImpactAssessmentRejected(ID,
            new Decision("bob", "missing groups", T));

    private final DeciderSpecification<ImpactAssessmentCommand, ImpactAssessment, OfImpactAssessment> assessment =
            DeciderSpecification.of(new ImpactAssessmentDecider());

    @Test
    void startedAsDraftByTheAssessor() {
        assessment.given().when(new StartImpactAssessment(ID, SYSTEM, "Credit decisions in retail lending", "alice"))
                .then(STARTED);
        assessment.given(STARTED).when(new StartImpactAssessment(ID, SYSTEM, "x", "alice"))
                .thenRejectedWith(ImpactAssessmentProblems.EXISTS);
        assessment.given().when(new SubmitImpactAssessment()).thenRejectedWith(ImpactAssessmentProblems.NOT_FOUND);
        assertThat(new ImpactAssessmentDecider().fold(List.of(STARTED)).status()).isEqualTo(ImpactAssessmentStatus.DRAFT);
    }

    @Test
    void impactsAreEditableOnlyWhileDraftOrRejected() {
        assessment.given(STARTED).when(new IdentifyImpact(DENIAL)).then(IDENTIFIED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED, REJECTED).when(new RemoveImpact(DENIAL.id()))
                .then(new RiskEvent.ImpactRemoved(ID, DENIAL.id()));
        assessment.given(STARTED, IDENTIFIED).when(new IdentifyImpact(DENIAL))
                .thenRejectedWith(ImpactAssessmentProblems.IMPACT_EXISTS);
        assessment.given(STARTED).when(new RemoveImpact(DENIAL.id()))
                .thenRejectedWith(ImpactAssessmentProblems.IMPACT_NOT_FOUND);
        for (List<OfImpactAssessment> history : List.<List<OfImpactAssessment>>of(
                List.of(STARTED, IDENTIFIED, SUBMITTED), List.of(STARTED, IDENTIFIED, SUBMITTED, APPROVED))) {
            assessment.given(history).when(new IdentifyImpact(DENIAL)).thenRejectedWith(ImpactAssessmentProblems.NOT_EDITABLE);
            assessment.given(history).when(new RemoveImpact(DENIAL.id()))
                    .thenRejectedWith(ImpactAssessmentProblems.NOT_EDITABLE);
            assessment.given(history).when(new SubmitImpactAssessment())
                    .thenRejectedWith(ImpactAssessmentProblems.NOT_EDITABLE);
        }
    }

    @Test
    void submittedWithAtLeastOneImpact() {
        assessment.given(STARTED).when(new SubmitImpactAssessment()).thenRejectedWith(ImpactAssessmentProblems.EMPTY);
        assessment.given(STARTED, IDENTIFIED).when(new SubmitImpactAssessment()).then(SUBMITTED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED, REJECTED).when(new SubmitImpactAssessment()).then(SUBMITTED);
    }

    @Test
    void decidedByAnotherPersonOnlyOnceSubmitted() {
        assessment.given(STARTED, IDENTIFIED, SUBMITTED)
                .when(new ApproveImpactAssessment("bob", "thorough", T, LocalDate.parse("2027-06-01"))).then(APPROVED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED).when(new ApproveImpactAssessment("bob", "thorough", T, null))
                .then(APPROVED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED).when(new RejectImpactAssessment("bob", "missing groups", T))
                .then(REJECTED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED).when(new ApproveImpactAssessment("alice", "mine", T, null))
                .thenRejectedWith(RiskProblems.SAME_PERSON);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED).when(new RejectImpactAssessment("alice", "mine", T))
                .thenRejectedWith(RiskProblems.SAME_PERSON);
        assessment.given(STARTED, IDENTIFIED).when(new ApproveImpactAssessment("bob", "early", T, null))
                .thenRejectedWith(ImpactAssessmentProblems.NOT_SUBMITTED);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED, APPROVED).when(new RejectImpactAssessment("bob", "late", T))
                .thenRejectedWith(ImpactAssessmentProblems.NOT_SUBMITTED);
    }

    @Test
    void onlyAnApprovedAssessmentGoesStaleAndOnce() {
        var stale = new RiskEvent.ImpactAssessmentMarkedStale(ID, "model added");
        assessment.given(STARTED, IDENTIFIED, SUBMITTED, APPROVED).when(new MarkImpactAssessmentStale("model added"))
                .then(stale);
        assessment.given(STARTED, IDENTIFIED, SUBMITTED, APPROVED, stale).when(new MarkImpactAssessmentStale("again"))
                .thenNothingHappens();
        assessment.given(STARTED, IDENTIFIED, SUBMITTED).when(new MarkImpactAssessmentStale("model added"))
                .thenNothingHappens();
        ImpactAssessment after = new ImpactAssessmentDecider().fold(List.of(STARTED, IDENTIFIED, SUBMITTED, APPROVED, stale));
        assertThat(after.stale()).isTrue();
        assertThat(after.staleReason()).isEqualTo("model added");
        assertThat(after.status()).isEqualTo(ImpactAssessmentStatus.APPROVED);
    }
}

package io.aimsledger.contracts.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.contracts.risk.v1.Acceptance;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.contracts.risk.v1.RiskView;

class ReadinessTest {

    static final Instant AT = Instant.parse("2026-06-30T00:00:00Z");

    static ControlView control(String id, Applicability applicability, ImplementationStatus status) {
        return new ControlView(id, null, null, id, null, ControlSource.CUSTOM, applicability, "j", status, null, null,
                null, List.of(), ControlView.Evidence.NONE, null, List.of(), 1, AT, AT);
    }

    static EvidenceView evidence(String control, Instant effective, Instant validUntil, ReviewDecision decision,
                                 UUID supersededBy) {
        List<Review> reviews = decision == null ? List.of() : List.of(new Review("bob", decision, null, effective));
        return new EvidenceView(UUID.randomUUID(), "e", null, EvidenceKind.LOG, List.of(control), List.of(), effective,
                validUntil, "alice", "MANUAL", null, "https://e", "ab".repeat(32), EvidenceStatus.ACCEPTED, reviews,
                supersededBy, 1, effective, effective);
    }

    static AiSystemView system(UUID id, EuAiActRiskClass riskClass, AiSystemView.Status status) {
        return new AiSystemView(id, "s", null, "p", "alice", null, OrganizationRole.DEPLOYER, null, null, null, List.of(),
                null, LifecycleStage.OPERATION_MONITORING, riskClass, null, status, List.of(), List.of(), null, 1, AT, AT);
    }

    static ImpactAssessmentView assessment(UUID system, ImpactAssessmentStatus status, boolean stale, LocalDate review) {
        return new ImpactAssessmentView(UUID.randomUUID(), system, "scope", "alice", List.of(), status, null, review,
                stale, null, 1, AT, AT);
    }

    static RiskView risk(UUID id, boolean overAppetite, RiskStatus status, Acceptance acceptance) {
        return new RiskView(id, List.of(UUID.randomUUID()), "r", null, RiskCategory.PRIVACY, null, "alice", null, null,
                null, status, acceptance, null, overAppetite, List.of(), 1, AT, AT);
    }

    @Test
    void applicableControlsAreReadyWhenImplementedAndBackedByEvidenceThatHoldsThen() {
        Instant jan = Instant.parse("2026-01-01T00:00:00Z");
        var controls = List.of(control("C-1", Applicability.APPLICABLE, ImplementationStatus.IMPLEMENTED),
                control("C-2", Applicability.APPLICABLE, ImplementationStatus.IMPLEMENTED),
                control("C-3", Applicability.APPLICABLE, ImplementationStatus.IN_PROGRESS),
                control("C-4", Applicability.NOT_APPLICABLE, ImplementationStatus.NOT_STARTED),
                control("C-5", Applicability.APPLICABLE, ImplementationStatus.IMPLEMENTED));
        var evidence = List.of(evidence("C-1", jan, null, ReviewDecision.ACCEPT, null),
                evidence("C-2", jan, Instant.parse("2026-06-01T00:00:00Z"), ReviewDecision.ACCEPT, null),
                evidence("C-3", jan, null, ReviewDecision.ACCEPT, null),
                evidence("C-5", jan, null, null, null),
                evidence("C-5", jan, null, ReviewDecision.ACCEPT, UUID.randomUUID()),
                evidence("C-5", Instant.parse("2026-07-01T00:00:00Z"), null, ReviewDecision.ACCEPT, null));

        Readiness.Controls ready = Readiness.of(AT, controls, evidence, List.of(), List.of(), List.of()).controls();

        assertThat(ready.applicable()).isEqualTo(4);
        assertThat(ready.implemented()).isEqualTo(3);
        assertThat(ready.evidenced()).as("C-1 and C-3; C-2's expired, C-5's pending, superseded or not yet in force")
                .isEqualTo(2);
        assertThat(ready.implementedAndEvidenced()).isEqualTo(1);
        assertThat(ready.percent()).isEqualTo(25.0);
        assertThat(ready.notReady()).containsExactly("C-2", "C-3", "C-5");
    }

    @Test
    void highRiskSystemsNeedACurrentApprovedAssessmentAndRisksOverAppetiteACurrentAcceptance() {
        UUID unassessed = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        UUID stale = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        var systems = List.of(system(unassessed, EuAiActRiskClass.HIGH_RISK, AiSystemView.Status.ACTIVE),
                system(approved, EuAiActRiskClass.HIGH_RISK, AiSystemView.Status.ACTIVE),
                system(stale, EuAiActRiskClass.HIGH_RISK, AiSystemView.Status.ACTIVE),
                system(overdue, EuAiActRiskClass.HIGH_RISK, AiSystemView.Status.ACTIVE),
                system(retired, EuAiActRiskClass.HIGH_RISK, AiSystemView.Status.RETIRED),
                system(UUID.randomUUID(), EuAiActRiskClass.LIMITED_RISK, AiSystemView.Status.ACTIVE));
        var assessments = List.of(assessment(approved, ImpactAssessmentStatus.APPROVED, false, LocalDate.of(2026, 12, 1)),
                assessment(stale, ImpactAssessmentStatus.APPROVED, true, null),
                assessment(overdue, ImpactAssessmentStatus.APPROVED, false, LocalDate.of(2026, 6, 1)),
                assessment(unassessed, ImpactAssessmentStatus.SUBMITTED, false, null));
        UUID unaccepted = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        UUID staleAcceptance = UUID.randomUUID();
        UUID expiredAcceptance = UUID.randomUUID();
        var risks = List.of(risk(unaccepted, true, RiskStatus.TREATED, null),
                risk(accepted, true, RiskStatus.ACCEPTED, new Acceptance("bob", "ok", AT, 3, null, false)),
                risk(staleAcceptance, true, RiskStatus.ASSESSED, new Acceptance("bob", "ok", AT, 3, null, true)),
                risk(expiredAcceptance, true, RiskStatus.ACCEPTED, new Acceptance("bob", "ok", AT, 3, AT, false)),
                risk(UUID.randomUUID(), true, RiskStatus.CLOSED, null),
                risk(UUID.randomUUID(), false, RiskStatus.ASSESSED, null));

        Readiness readiness = Readiness.of(AT, List.of(), List.of(), systems, assessments, risks);

        assertThat(readiness.highRiskAiSystemsWithoutApprovedAssessment())
                .containsExactlyElementsOf(List.of(unassessed, stale, overdue).stream().sorted().toList());
        assertThat(readiness.risksOverAppetiteWithoutAcceptance())
                .containsExactlyElementsOf(List.of(unaccepted, staleAcceptance, expiredAcceptance).stream().sorted().toList());
        assertThat(readiness.controls().percent()).isZero();
    }
}

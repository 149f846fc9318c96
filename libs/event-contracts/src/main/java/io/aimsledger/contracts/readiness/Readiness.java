package io.aimsledger.contracts.readiness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.contracts.risk.v1.RiskView;

/**
 * The questions an external auditor opens with (API.md, {@code GET /api/v1/audit/readiness}), answered from
 * the whole AIMS as it stood at one instant:
 * <ul>
 * <li>applicable controls that are implemented and backed by evidence that holds then;</li>
 * <li>active high-risk AI systems without a current approved impact assessment (approved, not stale, its
 * next review not overdue);</li>
 * <li>open risks over the appetite without a current acceptance (none, stale, or expired).</li>
 * </ul>
 */
public record Readiness(Controls controls, List<UUID> highRiskAiSystemsWithoutApprovedAssessment,
                        List<UUID> risksOverAppetiteWithoutAcceptance) {

    /**
     * Applicable controls; of those, implemented, evidenced, and both (with the percentage of applicable
     * ones that are both); {@code notReady} names the applicable controls that are not both.
     */
    public record Controls(int applicable, int implemented, int evidenced, int implementedAndEvidenced,
                           double percent, List<String> notReady) {
    }

    public static Readiness of(Instant at, List<ControlView> controls, List<EvidenceView> evidence,
                               List<AiSystemView> aiSystems, List<ImpactAssessmentView> assessments,
                               List<RiskView> risks) {
        List<ControlView> applicable = controls.stream().filter(c -> c.applicability() == Applicability.APPLICABLE)
                .sorted(Comparator.comparing(ControlView::id)).toList();
        List<EvidenceView> current = evidence.stream().filter(e -> e.currentAt(at)).toList();
        int implemented = 0;
        int evidenced = 0;
        List<String> ready = new java.util.ArrayList<>();
        List<String> notReady = new java.util.ArrayList<>();
        for (ControlView control : applicable) {
            boolean isImplemented = control.implementationStatus() == ImplementationStatus.IMPLEMENTED;
            boolean isEvidenced = current.stream().anyMatch(e -> e.controlIds().contains(control.id()));
            implemented += isImplemented ? 1 : 0;
            evidenced += isEvidenced ? 1 : 0;
            (isImplemented && isEvidenced ? ready : notReady).add(control.id());
        }
        double percent = applicable.isEmpty() ? 0 : Math.round(1000.0 * ready.size() / applicable.size()) / 10.0;
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<UUID> unassessed = aiSystems.stream()
                .filter(s -> s.euAiActRiskClass() == EuAiActRiskClass.HIGH_RISK && s.status() == AiSystemView.Status.ACTIVE)
                .filter(s -> assessments.stream().noneMatch(a -> a.aiSystemId().equals(s.id()) && currentApproval(a, day)))
                .map(AiSystemView::id).sorted().toList();
        List<UUID> unaccepted = risks.stream()
                .filter(r -> r.status() != RiskStatus.CLOSED && r.overAppetite())
                .filter(r -> r.acceptance() == null || r.acceptance().stale()
                        || (r.acceptance().expiresAt() != null && !r.acceptance().expiresAt().isAfter(at)))
                .map(RiskView::id).sorted().toList();
        return new Readiness(new Controls(applicable.size(), implemented, evidenced, ready.size(), percent,
                List.copyOf(notReady)), unassessed, unaccepted);
    }

    private static boolean currentApproval(ImpactAssessmentView assessment, LocalDate day) {
        return assessment.status() == ImpactAssessmentStatus.APPROVED && !assessment.stale()
                && (assessment.nextReviewDue() == null || !assessment.nextReviewDue().isBefore(day));
    }
}

package io.aimsledger.risk.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.risk.v1.Rating;
import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskDetails;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;
import io.aimsledger.contracts.risk.v1.RiskEvent.RiskAccepted;
import io.aimsledger.contracts.risk.v1.RiskEvent.RiskAssessed;
import io.aimsledger.contracts.risk.v1.RiskEvent.RiskClosed;
import io.aimsledger.contracts.risk.v1.RiskEvent.RiskIdentified;
import io.aimsledger.contracts.risk.v1.RiskEvent.ResidualRiskAssessed;
import io.aimsledger.contracts.risk.v1.RiskEvent.TreatmentPlanned;
import io.aimsledger.contracts.risk.v1.RiskLevel;
import io.aimsledger.contracts.risk.v1.RiskSignal;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.contracts.risk.v1.Treatment;
import io.aimsledger.contracts.risk.v1.TreatmentOption;
import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.risk.risk.domain.RiskCommand.AcceptRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.AssessResidualRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.AssessRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.ChangeRiskDetails;
import io.aimsledger.risk.risk.domain.RiskCommand.CloseRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.IdentifyRisk;
import io.aimsledger.risk.risk.domain.RiskCommand.PlanTreatment;
import io.aimsledger.risk.risk.domain.RiskCommand.RecordSignal;
import io.aimsledger.risk.risk.domain.RiskCommand.ReopenRisk;

class RiskDeciderTest {

    static final UUID ID = UUID.fromString("4a1d6a0e-1c1b-4b6e-9a55-0d5c1a2b3c40");
    static final UUID SYSTEM = UUID.fromString("0b6a2a7e-35c5-4f6a-9d1e-6f1d1c2b3a40");
    static final Instant T = Instant.parse("2026-06-01T10:00:00Z");
    static final RiskDetails DETAILS = new RiskDetails("Unfair denials", null, RiskCategory.BIAS_FAIRNESS, null,
            "alice", null);
    static final RiskIdentified IDENTIFIED = new RiskIdentified(ID, List.of(SYSTEM), DETAILS, 9);
    static final RiskAssessed ASSESSED = new RiskAssessed(ID, new Rating(4, 4), "seen in the pilot", "erin", 9);
    static final Treatment TREATMENT = new Treatment(TreatmentOption.MITIGATE, "Reweigh the training data",
            List.of("A.7.4"), LocalDate.parse("2026-09-30"));
    static final TreatmentPlanned PLANNED = new TreatmentPlanned(ID, TREATMENT);
    static final ResidualRiskAssessed TREATED = new ResidualRiskAssessed(ID, new Rating(2, 3), "reweighed", "erin", 9);
    static final RiskAccepted ACCEPTED = new RiskAccepted(ID, "bob", "within appetite", T, 4, null);

    private final DeciderSpecification<RiskCommand, Risk, OfRisk> risk = DeciderSpecification.of(new RiskDecider());
    private final RiskDecider decider = new RiskDecider();

    static AcceptRisk acceptBy(String approver) {
        return new AcceptRisk(approver, "within appetite", T, null);
    }

    private Risk fold(OfRisk... events) {
        return decider.fold(List.of(events));
    }

    @Nested
    class Identifying {
        @Test
        void aNewRiskIsIdentified() {
            risk.given().when(new IdentifyRisk(ID, List.of(SYSTEM), DETAILS, 9)).then(IDENTIFIED);
            Risk identified = fold(IDENTIFIED);
            assertThat(identified.status()).isEqualTo(RiskStatus.IDENTIFIED);
            assertThat(identified.overAppetite()).isFalse();
            assertThat(identified.version()).isEqualTo(1);
        }

        @Test
        void aRiskIsIdentifiedOnce() {
            risk.given(IDENTIFIED).when(new IdentifyRisk(ID, List.of(SYSTEM), DETAILS, 9))
                    .thenRejectedWith(RiskProblems.EXISTS);
        }

        @Test
        void anUnknownRiskIsNotFound() {
            risk.given().when(new CloseRisk("no")).thenRejectedWith(RiskProblems.NOT_FOUND);
            risk.given().when(new AssessRisk(new Rating(1, 1), null, "erin", 9)).thenRejectedWith(RiskProblems.NOT_FOUND);
        }
    }

    @Nested
    class Scoring {
        @Test
        void scoreIsLikelihoodTimesImpactAndItsLevelFollowsTheBands() {
            Map<Integer, RiskLevel> expected = new HashMap<>();
            for (int likelihood = 1; likelihood <= 5; likelihood++) {
                for (int impact = 1; impact <= 5; impact++) {
                    int score = likelihood * impact;
                    RiskLevel level = score <= 4 ? RiskLevel.LOW : score <= 9 ? RiskLevel.MEDIUM
                            : score <= 16 ? RiskLevel.HIGH : RiskLevel.CRITICAL;
                    assertThat(new Rating(likelihood, impact).score()).isEqualTo(score);
                    assertThat(new Rating(likelihood, impact).level()).as("score %d", score).isEqualTo(level);
                    expected.put(score, level);
                }
            }
            assertThat(expected).containsEntry(4, RiskLevel.LOW).containsEntry(5, RiskLevel.MEDIUM)
                    .containsEntry(9, RiskLevel.MEDIUM).containsEntry(10, RiskLevel.HIGH)
                    .containsEntry(16, RiskLevel.HIGH).containsEntry(20, RiskLevel.CRITICAL);
        }

        @Test
        void overAppetiteComparesTheResidualScoreOrTheInherentOneWhileUntreated() {
            assertThat(fold(IDENTIFIED, ASSESSED).overAppetite()).as("inherent 16 > 9").isTrue();
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED).overAppetite()).as("still untreated").isTrue();
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED, TREATED).overAppetite()).as("residual 6").isFalse();
            assertThat(fold(IDENTIFIED, new RiskAssessed(ID, new Rating(3, 3), null, "erin", 9)).overAppetite())
                    .as("9 is not strictly above 9").isFalse();
            assertThat(fold(IDENTIFIED, new RiskAssessed(ID, new Rating(2, 2), null, "erin", 3)).overAppetite())
                    .as("a lower appetite in force").isTrue();
        }
    }

    @Nested
    class StatusFlow {
        @Test
        void assessedThenPlannedThenTreated() {
            risk.given(IDENTIFIED).when(new AssessRisk(new Rating(4, 4), "seen in the pilot", "erin", 9)).then(ASSESSED);
            risk.given(IDENTIFIED, ASSESSED).when(new PlanTreatment(TREATMENT)).then(PLANNED);
            risk.given(IDENTIFIED, ASSESSED, PLANNED).when(new AssessResidualRisk(new Rating(2, 3), "reweighed", "erin", 9))
                    .then(TREATED);
            assertThat(fold(IDENTIFIED, ASSESSED).status()).isEqualTo(RiskStatus.ASSESSED);
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED).status()).isEqualTo(RiskStatus.TREATMENT_PLANNED);
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED, TREATED).status()).isEqualTo(RiskStatus.TREATED);
        }

        @Test
        void aTreatmentNeedsAnAssessmentAndAResidualNeedsATreatment() {
            risk.given(IDENTIFIED).when(new PlanTreatment(TREATMENT)).thenRejectedWith(RiskProblems.NOT_ASSESSED);
            risk.given(IDENTIFIED, ASSESSED).when(new AssessResidualRisk(new Rating(1, 1), null, "erin", 9))
                    .thenRejectedWith(RiskProblems.NO_TREATMENT);
        }

        @Test
        void aClosedRiskAcceptsNothingButReopening() {
            var closed = new RiskClosed(ID, "system decommissioned");
            risk.given(IDENTIFIED, ASSESSED).when(new CloseRisk("system decommissioned")).then(closed);
            for (RiskCommand command : List.<RiskCommand>of(new AssessRisk(new Rating(1, 1), null, "erin", 9),
                    new PlanTreatment(TREATMENT), acceptBy("bob"), new CloseRisk("again"),
                    new ChangeRiskDetails(new RiskDetailsPatch(Map.of("title", "x"))),
                    new RecordSignal(signal(), "s#1"))) {
                risk.given(IDENTIFIED, ASSESSED, closed).when(command).thenRejectedWith(RiskProblems.CLOSED);
            }
            risk.given(IDENTIFIED, ASSESSED).when(new ReopenRisk("back")).thenRejectedWith(RiskProblems.NOT_CLOSED);
            var reopened = new RiskEvent.RiskReopened(ID, "it came back");
            risk.given(IDENTIFIED, ASSESSED, closed).when(new ReopenRisk("it came back")).then(reopened);
            assertThat(fold(IDENTIFIED, ASSESSED, closed, reopened).status()).isEqualTo(RiskStatus.ASSESSED);
        }

        @Test
        void detailsChangeOnlyWhatChanged() {
            risk.given(IDENTIFIED).when(new ChangeRiskDetails(new RiskDetailsPatch(Map.of("owner", "alice"))))
                    .thenNothingHappens();
            Map<String, Object> patch = new HashMap<>();
            patch.put("owner", "frank");
            patch.put("reviewDue", LocalDate.parse("2026-12-31"));
            risk.given(IDENTIFIED).when(new ChangeRiskDetails(new RiskDetailsPatch(patch))).then(
                    new RiskEvent.RiskDetailsChanged(ID, new RiskDetails("Unfair denials", null,
                            RiskCategory.BIAS_FAIRNESS, null, "frank", LocalDate.parse("2026-12-31")),
                            List.of("owner", "reviewDue")));
        }
    }

    @Nested
    class Acceptance {
        @Test
        void anApproverAcceptsBoundToTheCurrentVersion() {
            risk.given(IDENTIFIED, ASSESSED, PLANNED, TREATED).when(acceptBy("bob")).then(ACCEPTED);
            Risk accepted = fold(IDENTIFIED, ASSESSED, PLANNED, TREATED, ACCEPTED);
            assertThat(accepted.status()).isEqualTo(RiskStatus.ACCEPTED);
            assertThat(accepted.acceptance().riskVersion()).isEqualTo(4);
            assertThat(accepted.acceptance().stale()).isFalse();
        }

        @Test
        void fourEyesTheOwnerAndTheLastAssessorCannotAccept() {
            risk.given(IDENTIFIED, ASSESSED).when(acceptBy("alice")).thenRejectedWith(RiskProblems.SAME_PERSON);
            risk.given(IDENTIFIED, ASSESSED).when(acceptBy("erin")).thenRejectedWith(RiskProblems.SAME_PERSON);
            var residualByBob = new ResidualRiskAssessed(ID, new Rating(1, 2), null, "bob", 9);
            risk.given(IDENTIFIED, ASSESSED, PLANNED, residualByBob).when(acceptBy("bob"))
                    .thenRejectedWith(RiskProblems.SAME_PERSON);
            risk.given(IDENTIFIED, ASSESSED, PLANNED, residualByBob).when(acceptBy("erin")).then(
                    new RiskAccepted(ID, "erin", "within appetite", T, 4, null));
        }

        @Test
        void anUnassessedRiskIsNotAcceptedAndAnExpiryIsAfterTheAcceptance() {
            risk.given(IDENTIFIED).when(acceptBy("bob")).thenRejectedWith(RiskProblems.NOT_ASSESSED);
            risk.given(IDENTIFIED, ASSESSED).when(new AcceptRisk("bob", "ok", T, T))
                    .thenRejectedWith(RiskProblems.EXPIRY_NOT_AFTER_ACCEPTANCE);
        }

        @Test
        void aLaterAssessmentTreatmentOrResidualMakesItStaleAndReturnsThePreviousStatus() {
            List<OfRisk> accepted = List.of(IDENTIFIED, ASSESSED, PLANNED, TREATED, ACCEPTED);
            for (OfRisk change : List.<OfRisk>of(new RiskAssessed(ID, new Rating(5, 4), "worse", "erin", 9),
                    new TreatmentPlanned(ID, TREATMENT), new ResidualRiskAssessed(ID, new Rating(3, 3), null, "erin", 9))) {
                List<OfRisk> history = new ArrayList<>(accepted);
                history.add(change);
                Risk after = decider.fold(history);
                assertThat(after.acceptance().stale()).as(change.toString()).isTrue();
                assertThat(after.acceptance().riskVersion()).isEqualTo(4);
                assertThat(after.status()).as(change.toString()).isEqualTo(RiskStatus.TREATED);
            }
            Risk detailsOnly = decider.fold(List.of(IDENTIFIED, ASSESSED, PLANNED, TREATED, ACCEPTED,
                    new RiskEvent.RiskDetailsChanged(ID, DETAILS, List.of("title"))));
            assertThat(detailsOnly.acceptance().stale()).as("a change of details is not material").isFalse();
        }
    }

    @Nested
    class Signals {
        @Test
        void aSignalOnATreatedOrAcceptedRiskReturnsItToAssessedWithTheAcceptanceStale() {
            var recorded = new RiskEvent.RiskSignalRecorded(ID, signal(), "monitor#1");
            risk.given(IDENTIFIED, ASSESSED, PLANNED, TREATED, ACCEPTED).when(new RecordSignal(signal(), "monitor#1"))
                    .then(recorded);
            Risk accepted = fold(IDENTIFIED, ASSESSED, PLANNED, TREATED, ACCEPTED, recorded);
            assertThat(accepted.status()).isEqualTo(RiskStatus.ASSESSED);
            assertThat(accepted.acceptance().stale()).isTrue();
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED, TREATED, recorded).status()).isEqualTo(RiskStatus.ASSESSED);
            assertThat(fold(IDENTIFIED, ASSESSED, PLANNED, recorded).status()).isEqualTo(RiskStatus.TREATMENT_PLANNED);
            assertThat(fold(IDENTIFIED, recorded).status()).isEqualTo(RiskStatus.IDENTIFIED);
        }

        @Test
        void theViewKeepsTheLatestSignals() {
            List<OfRisk> history = new ArrayList<>(List.of(IDENTIFIED));
            for (int i = 0; i < Risk.RECENT_SIGNALS + 3; i++) {
                history.add(new RiskEvent.RiskSignalRecorded(ID, new RiskSignal("dpd", i, 0.1, T.plusSeconds(i),
                        "/monitor", null), "monitor#" + i));
            }
            RiskView view = RiskView.of(decider.fold(history), history.size(), T, T);
            assertThat(view.signals()).hasSize(Risk.RECENT_SIGNALS);
            assertThat(view.signals().getLast().value()).isEqualTo(Risk.RECENT_SIGNALS + 2);
        }
    }

    static RiskSignal signal() {
        return new RiskSignal("demographic-parity-difference", 0.31, 0.1, T, "/monitoring/fairness", null);
    }
}

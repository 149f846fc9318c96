package io.aimsledger.controls.control.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlEvent.ApplicabilityDecided;
import io.aimsledger.contracts.controls.v1.ControlEvent.ControlCatalogued;
import io.aimsledger.contracts.controls.v1.ControlEvent.RiskLinked;
import io.aimsledger.contracts.controls.v1.ControlEvent.RiskUnlinked;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.controls.v1.EffectivenessTest;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.controls.v1.TestResult;
import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.controls.control.domain.ControlCommand.AssignOwner;
import io.aimsledger.controls.control.domain.ControlCommand.CatalogueControl;
import io.aimsledger.controls.control.domain.ControlCommand.DecideApplicability;
import io.aimsledger.controls.control.domain.ControlCommand.RecordTest;
import io.aimsledger.controls.control.domain.ControlCommand.ReleaseFromRisk;
import io.aimsledger.controls.control.domain.ControlCommand.RelyForRisk;
import io.aimsledger.controls.control.domain.ControlCommand.UpdateImplementation;

class ControlDeciderTest {

    static final String ID = "A.6.2.4";
    static final UUID RISK = UUID.fromString("4a1d6a0e-1c1b-4b6e-9a55-0d5c1a2b3c40");
    static final ControlCatalogued CATALOGUED = new ControlCatalogued(ID, ControlSource.ISO42001_ANNEX_A, "A.6.2",
            "AI system life cycle", "AI system verification and validation", null, "ISO/IEC 42001:2023");
    static final ApplicabilityDecided APPLICABLE = new ApplicabilityDecided(ID, Applicability.APPLICABLE, "we build models");

    private final DeciderSpecification<ControlCommand, Control, ControlEvent> control =
            DeciderSpecification.of(new ControlDecider());

    @Test
    void cataloguedOnceAndUndecidedUntilDecided() {
        control.given().when(new CatalogueControl(ID, ControlSource.ISO42001_ANNEX_A, "A.6.2", "AI system life cycle",
                "AI system verification and validation", null, "ISO/IEC 42001:2023")).then(CATALOGUED);
        control.given(CATALOGUED).when(new CatalogueControl(ID, ControlSource.CUSTOM, null, null, "t", null, null))
                .thenRejectedWith(ControlProblems.EXISTS);
        control.given().when(new AssignOwner("alice")).thenRejectedWith(ControlProblems.NOT_FOUND);
        Control catalogued = new ControlDecider().fold(List.of(CATALOGUED));
        assertThat(catalogued.applicability()).isEqualTo(Applicability.UNDECIDED);
        assertThat(catalogued.implementationStatus()).isEqualTo(ImplementationStatus.NOT_STARTED);
    }

    @Test
    void applicabilityIsDecidedWithAJustificationAndNotExcludedWhileARiskReliesOnIt() {
        control.given(CATALOGUED).when(new DecideApplicability(Applicability.APPLICABLE, "we build models"))
                .then(APPLICABLE);
        control.given(CATALOGUED, APPLICABLE).when(new DecideApplicability(Applicability.APPLICABLE, "we build models"))
                .thenNothingHappens();
        control.given(CATALOGUED, new RiskLinked(ID, RISK))
                .when(new DecideApplicability(Applicability.NOT_APPLICABLE, "no models here"))
                .thenRejectedWith(ControlProblems.REQUIRED_BY_RISK);
        control.given(CATALOGUED, new RiskLinked(ID, RISK), new RiskUnlinked(ID, RISK))
                .when(new DecideApplicability(Applicability.NOT_APPLICABLE, "no models here"))
                .then(new ApplicabilityDecided(ID, Applicability.NOT_APPLICABLE, "no models here"));
    }

    @Test
    void aRiskTreatmentMakesAnUndecidedControlApplicableAndReleasingUnlinksIt() {
        control.given(CATALOGUED).when(new RelyForRisk(RISK)).then(new RiskLinked(ID, RISK),
                new ApplicabilityDecided(ID, Applicability.APPLICABLE, "selected to treat risk " + RISK));
        control.given(CATALOGUED, APPLICABLE).when(new RelyForRisk(RISK)).then(new RiskLinked(ID, RISK));
        control.given(CATALOGUED, APPLICABLE, new RiskLinked(ID, RISK)).when(new RelyForRisk(RISK)).thenNothingHappens();
        control.given(CATALOGUED, new RiskLinked(ID, RISK)).when(new ReleaseFromRisk(RISK))
                .then(new RiskUnlinked(ID, RISK));
        control.given(CATALOGUED).when(new ReleaseFromRisk(RISK)).thenNothingHappens();
    }

    @Test
    void onlyAnApplicableControlIsImplementedAndTestsAreKept() {
        var update = new UpdateImplementation(ImplementationStatus.IN_PROGRESS, "Validation gate in CI",
                LocalDate.parse("2026-12-31"));
        control.given(CATALOGUED).when(update).thenRejectedWith(ControlProblems.NOT_APPLICABLE);
        control.given(CATALOGUED, new ApplicabilityDecided(ID, Applicability.NOT_APPLICABLE, "none")).when(update)
                .thenRejectedWith(ControlProblems.NOT_APPLICABLE);
        control.given(CATALOGUED, APPLICABLE).when(update).then(new ControlEvent.ImplementationUpdated(ID,
                ImplementationStatus.IN_PROGRESS, "Validation gate in CI", LocalDate.parse("2026-12-31")));
        var test = new EffectivenessTest(UUID.randomUUID(), TestResult.PASS, "sample of 25 releases", null,
                Instant.parse("2026-06-01T00:00:00Z"), "carol");
        control.given(CATALOGUED, APPLICABLE).when(new RecordTest(test)).then(new ControlEvent.ControlTested(ID, test));
        assertThat(new ControlDecider().fold(List.of(CATALOGUED, new ControlEvent.ControlTested(ID, test))).tests())
                .containsExactly(test);
        control.given(CATALOGUED).when(new AssignOwner("alice")).then(new ControlEvent.OwnerAssigned(ID, "alice"));
        control.given(CATALOGUED, new ControlEvent.OwnerAssigned(ID, "alice")).when(new AssignOwner("alice"))
                .thenNothingHappens();
    }
}

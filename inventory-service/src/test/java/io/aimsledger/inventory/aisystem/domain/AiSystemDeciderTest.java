package io.aimsledger.inventory.aisystem.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemClassified;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemDescriptionChanged;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemLifecycleStageChanged;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemRegistered;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemRetired;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.DatasetAdded;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.DatasetRemoved;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.ModelAdded;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.ModelRemoved;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.AddDataset;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.AddModel;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ChangeDescription;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ChangeLifecycleStage;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ClassifyAiSystem;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RegisterAiSystem;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RemoveDataset;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RemoveModel;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RetireAiSystem;

class AiSystemDeciderTest {

    static final UUID ID = UUID.fromString("0b6a2a7e-35c5-4f6a-9d1e-6f1d1c2b3a40");
    static final UUID MODEL = UUID.fromString("7d1f3b2a-1111-4c6a-9d1e-6f1d1c2b3a41");
    static final UUID DATASET = UUID.fromString("7d1f3b2a-2222-4c6a-9d1e-6f1d1c2b3a42");
    static final Description CREDIT_SCORING = new Description("Credit scoring", null, "Score loan applications",
            "alice", "Retail", OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null,
            List.of("applicants"), "Acme");
    static final AiSystemRegistered REGISTERED = new AiSystemRegistered(ID, CREDIT_SCORING, null);

    private final DeciderSpecification<AiSystemCommand, AiSystem, InventoryEvent> aiSystem =
            DeciderSpecification.of(new AiSystemDecider());

    static AiSystemLifecycleStageChanged moved(LifecycleStage from, LifecycleStage to) {
        return new AiSystemLifecycleStageChanged(ID, from, to, "ready");
    }

    static AiSystemClassified classified(EuAiActRiskClass riskClass) {
        return new AiSystemClassified(ID, riskClass, "Annex III point 5(b)");
    }

    /** The events that bring a system, classified as given, to a stage. */
    static List<InventoryEvent> atStage(LifecycleStage stage, EuAiActRiskClass riskClass) {
        List<InventoryEvent> history = new java.util.ArrayList<>(List.of(REGISTERED));
        if (riskClass != EuAiActRiskClass.UNCLASSIFIED) {
            history.add(classified(riskClass));
        }
        for (int i = 1; i <= stage.ordinal(); i++) {
            history.add(moved(LifecycleStage.values()[i - 1], LifecycleStage.values()[i]));
        }
        return history;
    }

    @Nested
    class Registering {
        @Test
        void aNewSystemIsRegistered() {
            var outcome = aiSystem.given().when(new RegisterAiSystem(ID, CREDIT_SCORING, "mlflow:credit"))
                    .then(new AiSystemRegistered(ID, CREDIT_SCORING, "mlflow:credit"));
            assertThat(outcome.state().lifecycleStage()).isEqualTo(LifecycleStage.INCEPTION);
            assertThat(outcome.state().riskClass()).isEqualTo(EuAiActRiskClass.UNCLASSIFIED);
        }

        @Test
        void anExistingSystemIsNotRegisteredAgain() {
            aiSystem.given(REGISTERED).when(new RegisterAiSystem(ID, CREDIT_SCORING, null))
                    .thenRejectedWith("ai-system.exists");
        }

        @Test
        void everyOtherCommandNeedsARegisteredSystem() {
            aiSystem.given().when(new RetireAiSystem("gone")).thenRejectedWith("ai-system.not-found");
            aiSystem.given().when(new ChangeLifecycleStage(LifecycleStage.DESIGN_DEVELOPMENT, "go"))
                    .thenRejectedWith("ai-system.not-found");
        }
    }

    @Nested
    class Describing {
        @Test
        void aPatchEmitsTheNewDescriptionAndWhatChanged() {
            Map<DescriptionField, Object> changes = new EnumMap<>(DescriptionField.class);
            changes.put(DescriptionField.PURPOSE, "Score and explain loan applications");
            changes.put(DescriptionField.VENDOR, null);
            changes.put(DescriptionField.NAME, "Credit scoring");
            var expected = new Description("Credit scoring", null, "Score and explain loan applications", "alice",
                    "Retail", OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null,
                    List.of("applicants"), null);
            aiSystem.given(REGISTERED).when(new ChangeDescription(new DescriptionPatch(changes)))
                    .then(new AiSystemDescriptionChanged(ID, expected, List.of("purpose", "vendor")));
        }

        @Test
        void aPatchThatChangesNothingEmitsNothing() {
            Map<DescriptionField, Object> same = new HashMap<>();
            same.put(DescriptionField.OWNER, "alice");
            same.put(DescriptionField.AFFECTED_STAKEHOLDERS, List.of("applicants"));
            aiSystem.given(REGISTERED).when(new ChangeDescription(new DescriptionPatch(same))).thenNothingHappens();
            aiSystem.given(REGISTERED).when(new ChangeDescription(new DescriptionPatch(Map.of()))).thenNothingHappens();
        }
    }

    @Nested
    class LifeCycle {
        @Test
        void movesForwardOneStageAtATime() {
            aiSystem.given(REGISTERED).when(new ChangeLifecycleStage(LifecycleStage.DESIGN_DEVELOPMENT, "ready"))
                    .then(moved(LifecycleStage.INCEPTION, LifecycleStage.DESIGN_DEVELOPMENT));
        }

        @Test
        void cannotSkipAStage() {
            aiSystem.given(REGISTERED).when(new ChangeLifecycleStage(LifecycleStage.VERIFICATION_VALIDATION, "rush"))
                    .thenRejectedWith("lifecycle.invalid-transition");
        }

        @Test
        void goesBackToAnyEarlierStageForRework() {
            aiSystem.given(atStage(LifecycleStage.RE_EVALUATION, EuAiActRiskClass.HIGH_RISK))
                    .when(new ChangeLifecycleStage(LifecycleStage.INCEPTION, "ready"))
                    .then(moved(LifecycleStage.RE_EVALUATION, LifecycleStage.INCEPTION));
        }

        @Test
        void theSameStageChangesNothing() {
            aiSystem.given(REGISTERED).when(new ChangeLifecycleStage(LifecycleStage.INCEPTION, "again"))
                    .thenNothingHappens();
        }

        @Test
        void retiredIsReachedOnlyByRetiring() {
            aiSystem.given(atStage(LifecycleStage.RE_EVALUATION, EuAiActRiskClass.MINIMAL_RISK))
                    .when(new ChangeLifecycleStage(LifecycleStage.RETIRED, "done"))
                    .thenRejectedWith("lifecycle.invalid-transition");
        }

        @ParameterizedTest
        @EnumSource(value = LifecycleStage.class, names = "RETIRED", mode = EnumSource.Mode.EXCLUDE)
        void nothingLeavesRetired(LifecycleStage stage) {
            aiSystem.given(REGISTERED, new AiSystemRetired(ID, "replaced", LifecycleStage.INCEPTION))
                    .when(new ChangeLifecycleStage(stage, "revive"))
                    .thenRejectedWith("lifecycle.invalid-transition");
        }

        @Test
        void deploymentNeedsAClassification() {
            aiSystem.given(atStage(LifecycleStage.VERIFICATION_VALIDATION, EuAiActRiskClass.UNCLASSIFIED))
                    .when(new ChangeLifecycleStage(LifecycleStage.DEPLOYMENT, "go live"))
                    .thenRejectedWith("lifecycle.classification-required");
            aiSystem.given(atStage(LifecycleStage.VERIFICATION_VALIDATION, EuAiActRiskClass.LIMITED_RISK))
                    .when(new ChangeLifecycleStage(LifecycleStage.DEPLOYMENT, "ready"))
                    .then(moved(LifecycleStage.VERIFICATION_VALIDATION, LifecycleStage.DEPLOYMENT));
        }

        @Test
        void aProhibitedSystemNeverReachesDeployment() {
            aiSystem.given(atStage(LifecycleStage.VERIFICATION_VALIDATION, EuAiActRiskClass.PROHIBITED))
                    .when(new ChangeLifecycleStage(LifecycleStage.DEPLOYMENT, "go live"))
                    .thenRejectedWith("lifecycle.prohibited");
        }

        @Test
        void aDeployedSystemCannotBeClassifiedProhibitedOrUnclassified() {
            aiSystem.given(atStage(LifecycleStage.OPERATION_MONITORING, EuAiActRiskClass.HIGH_RISK))
                    .when(new ClassifyAiSystem(EuAiActRiskClass.PROHIBITED, "Article 5(1)(c) social scoring"))
                    .thenRejectedWith("lifecycle.prohibited");
            aiSystem.given(atStage(LifecycleStage.DEPLOYMENT, EuAiActRiskClass.HIGH_RISK))
                    .when(new ClassifyAiSystem(EuAiActRiskClass.UNCLASSIFIED, "unsure"))
                    .thenRejectedWith("lifecycle.classification-required");
        }
    }

    @Nested
    class Classifying {
        @Test
        void aClassificationIsRecordedWithItsRationale() {
            aiSystem.given(REGISTERED).when(new ClassifyAiSystem(EuAiActRiskClass.HIGH_RISK, "Annex III point 5(b)"))
                    .then(classified(EuAiActRiskClass.HIGH_RISK));
        }

        @Test
        void theSameClassificationAndRationaleChangeNothing() {
            aiSystem.given(REGISTERED, classified(EuAiActRiskClass.HIGH_RISK))
                    .when(new ClassifyAiSystem(EuAiActRiskClass.HIGH_RISK, "Annex III point 5(b)"))
                    .thenNothingHappens();
        }

        @Test
        void aNewRationaleAloneIsAChange() {
            aiSystem.given(REGISTERED, classified(EuAiActRiskClass.HIGH_RISK))
                    .when(new ClassifyAiSystem(EuAiActRiskClass.HIGH_RISK, "Annex III point 4"))
                    .then(new AiSystemClassified(ID, EuAiActRiskClass.HIGH_RISK, "Annex III point 4"));
        }

        @Test
        void aSystemBeforeDeploymentMayBeClassifiedProhibited() {
            aiSystem.given(REGISTERED).when(new ClassifyAiSystem(EuAiActRiskClass.PROHIBITED, "Article 5"))
                    .then(new AiSystemClassified(ID, EuAiActRiskClass.PROHIBITED, "Article 5"));
        }
    }

    @Nested
    class ModelsAndDatasets {
        final ModelAdded modelAdded = new ModelAdded(ID, MODEL, "scorer", "2.1", "internal", "mlflow://scorer/2.1");
        final DatasetAdded datasetAdded = new DatasetAdded(ID, DATASET, "applications-2025", "core banking", true,
                "exported 2025-12");

        @Test
        void modelsAreAddedAndRemoved() {
            aiSystem.given(REGISTERED).when(new AddModel(MODEL, "scorer", "2.1", "internal", "mlflow://scorer/2.1"))
                    .then(modelAdded);
            aiSystem.given(REGISTERED, modelAdded).when(new RemoveModel(MODEL)).then(new ModelRemoved(ID, MODEL));
            aiSystem.given(REGISTERED, modelAdded).when(new AddModel(MODEL, "scorer", "2.1", null, null))
                    .thenRejectedWith("model.exists");
            aiSystem.given(REGISTERED).when(new RemoveModel(MODEL)).thenRejectedWith("model.not-found");
        }

        @Test
        void datasetsAreAddedAndRemoved() {
            aiSystem.given(REGISTERED)
                    .when(new AddDataset(DATASET, "applications-2025", "core banking", true, "exported 2025-12"))
                    .then(datasetAdded);
            aiSystem.given(REGISTERED, datasetAdded).when(new RemoveDataset(DATASET))
                    .then(new DatasetRemoved(ID, DATASET));
            aiSystem.given(REGISTERED).when(new RemoveDataset(DATASET)).thenRejectedWith("dataset.not-found");
            aiSystem.given(REGISTERED, datasetAdded).when(new AddDataset(DATASET, "x", "y", null, null))
                    .thenRejectedWith("dataset.exists");
        }
    }

    @Nested
    class Retiring {
        final AiSystemRetired retired = new AiSystemRetired(ID, "replaced by v2", LifecycleStage.INCEPTION);

        @Test
        void aSystemIsRetiredFromItsCurrentStage() {
            var outcome = aiSystem.given(REGISTERED).when(new RetireAiSystem("replaced by v2")).then(retired);
            assertThat(outcome.state().lifecycleStage()).isEqualTo(LifecycleStage.RETIRED);
        }

        @Test
        void aRetiredSystemRejectsEveryChange() {
            aiSystem.given(REGISTERED, retired).when(new RetireAiSystem("again")).thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired).when(new ClassifyAiSystem(EuAiActRiskClass.MINIMAL_RISK, "x"))
                    .thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired).when(new AddModel(MODEL, "m", "1", null, null))
                    .thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired).when(new AddDataset(DATASET, "d", "s", null, null))
                    .thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired).when(new RemoveModel(MODEL)).thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired).when(new RemoveDataset(DATASET)).thenRejectedWith("ai-system.retired");
            aiSystem.given(REGISTERED, retired)
                    .when(new ChangeDescription(new DescriptionPatch(Map.of(DescriptionField.OWNER, "bob"))))
                    .thenRejectedWith("ai-system.retired");
        }
    }
}

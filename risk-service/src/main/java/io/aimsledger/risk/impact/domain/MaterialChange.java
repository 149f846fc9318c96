package io.aimsledger.risk.impact.domain;

import java.util.Optional;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;

/**
 * Which changes of an AI system are material for its impact assessments (API.md; ISO/IEC 42001 8.4:
 * reassess when significant changes are proposed): a model or dataset added or removed, a new
 * classification, entering DEPLOYMENT. The reason says what changed, for the stale assessment.
 */
public final class MaterialChange {

    private MaterialChange() {
    }

    /** Why {@code event} is material for an AI system that was {@code before}; empty if it is not. */
    public static Optional<String> of(AiSystem before, InventoryEvent event) {
        return Optional.ofNullable(switch (event) {
            case InventoryEvent.ModelAdded added -> "model " + added.name() + " " + added.version() + " added";
            case InventoryEvent.ModelRemoved removed -> "model " + name(before.models().get(removed.modelId()),
                    removed.modelId()) + " removed";
            case InventoryEvent.DatasetAdded added -> "dataset " + added.name() + " added";
            case InventoryEvent.DatasetRemoved removed -> "dataset " + name(before.datasets().get(removed.datasetId()),
                    removed.datasetId()) + " removed";
            case InventoryEvent.AiSystemClassified classified when classified.riskClass() != before.riskClass() ->
                    "classified " + classified.riskClass() + " (was " + before.riskClass() + ")";
            case InventoryEvent.AiSystemLifecycleStageChanged changed when changed.to() == LifecycleStage.DEPLOYMENT ->
                    "entered DEPLOYMENT";
            default -> null;
        });
    }

    private static String name(Object component, Object id) {
        return switch (component) {
            case AiSystem.Model model -> model.name() + " " + model.version();
            case AiSystem.Dataset dataset -> dataset.name();
            case null, default -> String.valueOf(id);
        };
    }
}

package io.aimsledger.inventory.aisystem.domain;

import java.util.List;
import java.util.Objects;

import io.aimsledger.contracts.inventory.v1.AiSystem;
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
import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.AddDataset;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.AddModel;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ChangeDescription;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ChangeLifecycleStage;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.ClassifyAiSystem;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RegisterAiSystem;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RemoveDataset;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RemoveModel;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand.RetireAiSystem;

/** The rules of the AI system registry. Pure: time and actor travel with the command, outside it. */
public final class AiSystemDecider implements Decider<AiSystemCommand, AiSystem, InventoryEvent> {

    @Override
    public AiSystem initialState() {
        return AiSystem.none();
    }

    @Override
    public List<InventoryEvent> decide(AiSystemCommand command, AiSystem state) {
        return switch (command) {
            case RegisterAiSystem register when state.registered() ->
                    throw Rejection.conflict(InventoryProblems.EXISTS, "This AI system is already registered.");
            case RegisterAiSystem register -> List.of(new AiSystemRegistered(register.aiSystemId(),
                    register.description(), register.externalRef()));
            case AiSystemCommand any when !state.registered() ->
                    throw Rejection.notFound(InventoryProblems.NOT_FOUND, "No AI system has this id.");
            // Leaving RETIRED is a life cycle question, answered with the life cycle's code.
            case ChangeLifecycleStage change -> changeStage(state, change);
            case AiSystemCommand any when state.retired() ->
                    throw Rejection.conflict(InventoryProblems.RETIRED, "A retired AI system accepts no change.");
            case ChangeDescription change -> {
                DescriptionPatch.Result patched = change.patch().applyTo(state.description());
                yield patched.changedFields().isEmpty() ? List.of()
                        : List.of(new AiSystemDescriptionChanged(state.id(), patched.description(),
                                patched.changedFields()));
            }
            case ClassifyAiSystem classify -> classify(state, classify);
            case AddModel add when state.models().containsKey(add.modelId()) ->
                    throw Rejection.conflict(InventoryProblems.MODEL_EXISTS, "A model with this id is already listed.");
            case AddModel add -> List.of(new ModelAdded(state.id(), add.modelId(), add.name(), add.version(),
                    add.provider(), add.registryUri()));
            case RemoveModel remove when !state.models().containsKey(remove.modelId()) ->
                    throw Rejection.notFound(InventoryProblems.MODEL_NOT_FOUND, "This AI system has no such model.");
            case RemoveModel remove -> List.of(new ModelRemoved(state.id(), remove.modelId()));
            case AddDataset add when state.datasets().containsKey(add.datasetId()) ->
                    throw Rejection.conflict(InventoryProblems.DATASET_EXISTS, "A dataset with this id is already listed.");
            case AddDataset add -> List.of(new DatasetAdded(state.id(), add.datasetId(), add.name(), add.source(),
                    add.containsPersonalData(), add.provenance()));
            case RemoveDataset remove when !state.datasets().containsKey(remove.datasetId()) ->
                    throw Rejection.notFound(InventoryProblems.DATASET_NOT_FOUND, "This AI system has no such dataset.");
            case RemoveDataset remove -> List.of(new DatasetRemoved(state.id(), remove.datasetId()));
            case RetireAiSystem retire -> List.of(new AiSystemRetired(state.id(), retire.reason(),
                    state.lifecycleStage()));
        };
    }

    private static List<InventoryEvent> changeStage(AiSystem state, ChangeLifecycleStage change) {
        if (change.stage() == state.lifecycleStage()) {
            return List.of();
        }
        Lifecycle.checkTransition(state, change.stage());
        return List.of(new AiSystemLifecycleStageChanged(state.id(), state.lifecycleStage(), change.stage(),
                change.reason()));
    }

    private static List<InventoryEvent> classify(AiSystem state, ClassifyAiSystem classify) {
        if (classify.riskClass() == state.riskClass()
                && Objects.equals(classify.rationale(), state.classificationRationale())) {
            return List.of();
        }
        Lifecycle.checkClassificationAllowed(state, classify.riskClass());
        return List.of(new AiSystemClassified(state.id(), classify.riskClass(), classify.rationale()));
    }

    @Override
    public AiSystem evolve(AiSystem state, InventoryEvent event) {
        return AiSystem.evolve(state, event);
    }
}

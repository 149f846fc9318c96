package io.aimsledger.inventory.aisystem.domain;

import java.util.UUID;

import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;

/** What may be asked of an AI system. Ids of new things are chosen by the caller, so a command is a value. */
public sealed interface AiSystemCommand {

    record RegisterAiSystem(UUID aiSystemId, Description description, String externalRef) implements AiSystemCommand {
    }

    record ChangeDescription(DescriptionPatch patch) implements AiSystemCommand {
    }

    record ChangeLifecycleStage(LifecycleStage stage, String reason) implements AiSystemCommand {
    }

    record ClassifyAiSystem(EuAiActRiskClass riskClass, String rationale) implements AiSystemCommand {
    }

    record AddModel(UUID modelId, String name, String version, String provider, String registryUri)
            implements AiSystemCommand {
    }

    record RemoveModel(UUID modelId) implements AiSystemCommand {
    }

    record AddDataset(UUID datasetId, String name, String source, Boolean containsPersonalData, String provenance)
            implements AiSystemCommand {
    }

    record RemoveDataset(UUID datasetId) implements AiSystemCommand {
    }

    record RetireAiSystem(String reason) implements AiSystemCommand {
    }
}

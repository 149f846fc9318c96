package io.aimsledger.contracts.inventory.v1;

import java.util.List;
import java.util.UUID;

/**
 * Inventory events, version 1, published on {@code aims.inventory.v1}. The subject of each
 * CloudEvent is the AI system's id; time and actor travel in the envelope, not here.
 */
public sealed interface InventoryEvent {

    UUID aiSystemId();

    /** A new AI system, at stage {@code INCEPTION}, {@code UNCLASSIFIED}, {@code ACTIVE}. */
    record AiSystemRegistered(UUID aiSystemId, Description description, String externalRef) implements InventoryEvent {
    }

    /** The descriptive fields after a change; {@code changedFields} names those that changed. */
    record AiSystemDescriptionChanged(UUID aiSystemId, Description description, List<String> changedFields)
            implements InventoryEvent {
    }

    record AiSystemLifecycleStageChanged(UUID aiSystemId, LifecycleStage from, LifecycleStage to, String reason)
            implements InventoryEvent {
    }

    record AiSystemClassified(UUID aiSystemId, EuAiActRiskClass riskClass, String rationale) implements InventoryEvent {
    }

    record ModelAdded(UUID aiSystemId, UUID modelId, String name, String version, String provider, String registryUri)
            implements InventoryEvent {
    }

    record ModelRemoved(UUID aiSystemId, UUID modelId) implements InventoryEvent {
    }

    record DatasetAdded(UUID aiSystemId, UUID datasetId, String name, String source, Boolean containsPersonalData,
                        String provenance) implements InventoryEvent {
    }

    record DatasetRemoved(UUID aiSystemId, UUID datasetId) implements InventoryEvent {
    }

    record AiSystemRetired(UUID aiSystemId, String reason, LifecycleStage from) implements InventoryEvent {
    }
}

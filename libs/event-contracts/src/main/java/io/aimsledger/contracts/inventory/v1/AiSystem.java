package io.aimsledger.contracts.inventory.v1;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An AI system as its events made it; {@code registered} is false before the first event. {@link #evolve}
 * is what each inventory event means for the state, the one definition that the inventory's decider
 * and the audit projection's history both use.
 */
public record AiSystem(boolean registered, UUID id, Description description, String externalRef,
                       LifecycleStage lifecycleStage, EuAiActRiskClass riskClass, String classificationRationale,
                       Map<UUID, Model> models, Map<UUID, Dataset> datasets) {

    public record Model(UUID id, String name, String version, String provider, String registryUri) {
    }

    public record Dataset(UUID id, String name, String source, Boolean containsPersonalData, String provenance) {
    }

    public static AiSystem none() {
        return new AiSystem(false, null, null, null, null, null, null, Map.of(), Map.of());
    }

    public static AiSystem evolve(AiSystem state, InventoryEvent event) {
        return switch (event) {
            case InventoryEvent.AiSystemRegistered registered -> new AiSystem(true, registered.aiSystemId(),
                    registered.description(), registered.externalRef(), LifecycleStage.INCEPTION,
                    EuAiActRiskClass.UNCLASSIFIED, null, Map.of(), Map.of());
            case InventoryEvent.AiSystemDescriptionChanged changed -> state.withDescription(changed.description());
            case InventoryEvent.AiSystemLifecycleStageChanged changed -> state.withStage(changed.to());
            case InventoryEvent.AiSystemClassified classified -> state.withClassification(classified.riskClass(),
                    classified.rationale());
            case InventoryEvent.ModelAdded added -> state.withModels(with(state.models(), added.modelId(),
                    new Model(added.modelId(), added.name(), added.version(), added.provider(), added.registryUri())));
            case InventoryEvent.ModelRemoved removed -> state.withModels(without(state.models(), removed.modelId()));
            case InventoryEvent.DatasetAdded added -> state.withDatasets(with(state.datasets(), added.datasetId(),
                    new Dataset(added.datasetId(), added.name(), added.source(), added.containsPersonalData(),
                            added.provenance())));
            case InventoryEvent.DatasetRemoved removed -> state.withDatasets(without(state.datasets(),
                    removed.datasetId()));
            case InventoryEvent.AiSystemRetired retired -> state.withStage(LifecycleStage.RETIRED);
        };
    }

    public boolean retired() {
        return lifecycleStage == LifecycleStage.RETIRED;
    }

    private AiSystem withDescription(Description next) {
        return new AiSystem(registered, id, next, externalRef, lifecycleStage, riskClass, classificationRationale,
                models, datasets);
    }

    private AiSystem withStage(LifecycleStage stage) {
        return new AiSystem(registered, id, description, externalRef, stage, riskClass, classificationRationale,
                models, datasets);
    }

    private AiSystem withClassification(EuAiActRiskClass riskClass, String rationale) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass, rationale, models,
                datasets);
    }

    private AiSystem withModels(Map<UUID, Model> next) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass,
                classificationRationale, next, datasets);
    }

    private AiSystem withDatasets(Map<UUID, Dataset> next) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass,
                classificationRationale, models, next);
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        var copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        var copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}

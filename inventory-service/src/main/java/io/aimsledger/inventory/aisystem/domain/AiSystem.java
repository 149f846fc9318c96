package io.aimsledger.inventory.aisystem.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;

/** An AI system as its events made it; {@code registered} is false before the first event. */
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

    public boolean retired() {
        return lifecycleStage == LifecycleStage.RETIRED;
    }

    AiSystem withDescription(Description next) {
        return new AiSystem(registered, id, next, externalRef, lifecycleStage, riskClass, classificationRationale,
                models, datasets);
    }

    AiSystem withStage(LifecycleStage stage) {
        return new AiSystem(registered, id, description, externalRef, stage, riskClass, classificationRationale,
                models, datasets);
    }

    AiSystem withClassification(EuAiActRiskClass riskClass, String rationale) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass, rationale, models,
                datasets);
    }

    AiSystem withModels(Map<UUID, Model> next) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass,
                classificationRationale, next, datasets);
    }

    AiSystem withDatasets(Map<UUID, Dataset> next) {
        return new AiSystem(registered, id, description, externalRef, lifecycleStage, riskClass,
                classificationRationale, models, next);
    }

    static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        var copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        var copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }
}

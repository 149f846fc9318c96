package io.aimsledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

/**
 * Inventory events as inventory-service publishes them, for {@code entities} AI systems with
 * {@code steps} events each: registered, described, staged, classified, given a model and a dataset,
 * and so on. Event {@code (entity, step)} took effect at {@link #time}, so every step of every entity
 * is an instant an as-of question can be asked about.
 */
final class Events {

    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private final int entities;

    Events(int entities) {
        this.entities = entities;
    }

    static UUID aiSystem(int entity) {
        return new UUID(0x5eedL, entity);
    }

    Instant time(int entity, int step) {
        return BASE.plusMillis((long) step * entities + entity);
    }

    byte[] cloudEvent(int entity, int step) {
        UUID id = aiSystem(entity);
        InventoryEvent payload = payload(id, entity, step);
        return CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(), Contracts.REGISTRY.typeOf(payload),
                Contracts.INVENTORY_V1.source(), id.toString(), time(entity, step), step + 1L, "bench", null, null,
                null, PayloadCodec.write(payload)));
    }

    private static InventoryEvent payload(UUID id, int entity, int step) {
        return switch (step) {
            case 0 -> new InventoryEvent.AiSystemRegistered(id, description(entity, "Score applications"), null);
            case 1 -> new InventoryEvent.AiSystemDescriptionChanged(id,
                    description(entity, "Score loan applications"), List.of("purpose"));
            case 2 -> new InventoryEvent.AiSystemLifecycleStageChanged(id, LifecycleStage.INCEPTION,
                    LifecycleStage.DESIGN_DEVELOPMENT, null);
            case 3 -> new InventoryEvent.AiSystemClassified(id, EuAiActRiskClass.HIGH_RISK, "Annex III, 5(b)");
            case 4 -> new InventoryEvent.ModelAdded(id, new UUID(0x30de1L, entity), "gbm", "1", "in-house", null);
            case 5 -> new InventoryEvent.DatasetAdded(id, new UUID(0xda7aL, entity), "applications", "core banking",
                    true, "2019-2025 applications");
            case 6 -> new InventoryEvent.AiSystemLifecycleStageChanged(id, LifecycleStage.DESIGN_DEVELOPMENT,
                    LifecycleStage.VERIFICATION_VALIDATION, "validated");
            case 7 -> new InventoryEvent.ModelRemoved(id, new UUID(0x30de1L, entity));
            case 8 -> new InventoryEvent.AiSystemLifecycleStageChanged(id, LifecycleStage.VERIFICATION_VALIDATION,
                    LifecycleStage.DEPLOYMENT, "approved");
            default -> new InventoryEvent.AiSystemDescriptionChanged(id,
                    description(entity, "Score loan applications, revision " + step), List.of("purpose"));
        };
    }

    private static Description description(int entity, String purpose) {
        return new Description("AI system " + entity, "Benchmark AI system", purpose, "alice", "Retail lending",
                OrganizationRole.DEPLOYER, null, "EU retail customers", "A credit officer reviews every refusal",
                List.of("applicants"), null);
    }

    /** A registration's JSON, the body of inventory-service's POST and the ceiling's payload. */
    static String registration(int n) {
        return "{\"name\": \"Bench system " + n + "\", \"purpose\": \"Score loan applications\", \"owner\": \"alice\", "
                + "\"organizationRole\": \"DEPLOYER\", \"description\": \"Benchmark AI system\", "
                + "\"businessUnit\": \"Retail lending\", \"deploymentContext\": \"EU retail customers\"}";
    }

    static String samplePayload() {
        return new String(PayloadCodec.write(new InventoryEvent.AiSystemRegistered(UUID.randomUUID(),
                description(0, "Score loan applications"), null)), StandardCharsets.UTF_8);
    }
}

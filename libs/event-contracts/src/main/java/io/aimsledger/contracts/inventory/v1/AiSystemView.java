package io.aimsledger.contracts.inventory.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An AI system as API.md shows it, in the inventory and, as it stood at a time, in the audit. */
public record AiSystemView(UUID id, String name, String description, String purpose, String owner,
                           String businessUnit, OrganizationRole organizationRole, AiTechnique aiTechnique,
                           String deploymentContext, String humanOversight, List<String> affectedStakeholders,
                           String vendor, LifecycleStage lifecycleStage, EuAiActRiskClass euAiActRiskClass,
                           String classificationRationale, Status status, List<AiSystem.Model> models,
                           List<AiSystem.Dataset> datasets, String externalRef, long version, Instant createdAt,
                           Instant updatedAt) {

    public enum Status { ACTIVE, RETIRED }

    public static AiSystemView of(AiSystem system, long version, Instant createdAt, Instant updatedAt) {
        var d = system.description();
        return new AiSystemView(system.id(), d.name(), d.description(), d.purpose(), d.owner(), d.businessUnit(),
                d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                d.affectedStakeholders() == null ? List.of() : d.affectedStakeholders(), d.vendor(),
                system.lifecycleStage(), system.riskClass(), system.classificationRationale(),
                system.retired() ? Status.RETIRED : Status.ACTIVE, List.copyOf(system.models().values()),
                List.copyOf(system.datasets().values()), system.externalRef(), version, createdAt, updatedAt);
    }
}

package io.aimsledger.inventory.aisystem.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.support.web.FieldLimits;

public record RegisterAiSystemRequest(
        @NotBlank @Size(max = FieldLimits.NAME) String name,
        @Size(max = FieldLimits.TEXT) String description,
        @NotBlank @Size(max = FieldLimits.TEXT) String purpose,
        @NotBlank @Size(max = FieldLimits.NAME) String owner,
        @Size(max = FieldLimits.NAME) String businessUnit,
        @NotNull OrganizationRole organizationRole,
        AiTechnique aiTechnique,
        @Size(max = FieldLimits.TEXT) String deploymentContext,
        @Size(max = FieldLimits.TEXT) String humanOversight,
        @Size(max = FieldLimits.LIST) List<@NotBlank @Size(max = FieldLimits.NAME) String> affectedStakeholders,
        @Size(max = FieldLimits.NAME) String vendor,
        @Size(max = FieldLimits.REFERENCE) String externalRef,
        Instant effectiveAt) {

    public Description toDescription() {
        return new Description(name, description, purpose, owner, businessUnit, organizationRole, aiTechnique,
                deploymentContext, humanOversight, affectedStakeholders == null ? List.of() : List.copyOf(affectedStakeholders),
                vendor);
    }
}

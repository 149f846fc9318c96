package io.aimsledger.risk.risk.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskDetails;
import io.aimsledger.support.web.FieldLimits;

public record IdentifyRiskRequest(
        @NotEmpty @Size(max = FieldLimits.LIST) List<@NotNull UUID> aiSystemIds,
        @NotBlank @Size(max = FieldLimits.NAME) String title,
        @Size(max = FieldLimits.TEXT) String description,
        @NotNull RiskCategory category,
        @Size(max = FieldLimits.REFERENCE) String source,
        @NotBlank @Size(max = FieldLimits.NAME) String owner,
        LocalDate reviewDue,
        Instant effectiveAt) {

    public RiskDetails details() {
        return new RiskDetails(title, description, category, source, owner, reviewDue);
    }
}

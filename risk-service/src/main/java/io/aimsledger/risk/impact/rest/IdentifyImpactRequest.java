package io.aimsledger.risk.impact.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.risk.v1.Impact;
import io.aimsledger.contracts.risk.v1.ImpactDimension;
import io.aimsledger.support.web.FieldLimits;

public record IdentifyImpactRequest(@NotBlank @Size(max = FieldLimits.NAME) String stakeholderGroup,
                                    @NotNull ImpactDimension dimension,
                                    @NotBlank @Size(max = FieldLimits.TEXT) String description,
                                    @NotNull @Min(1) @Max(5) Integer severity,
                                    @NotNull @Min(1) @Max(5) Integer likelihood,
                                    @Size(max = FieldLimits.TEXT) String mitigation,
                                    Instant effectiveAt) {

    public Impact impact(UUID id) {
        return new Impact(id, stakeholderGroup, dimension, description, severity, likelihood, mitigation);
    }
}

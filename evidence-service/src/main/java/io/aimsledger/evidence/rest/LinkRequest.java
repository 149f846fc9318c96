package io.aimsledger.evidence.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.support.web.FieldLimits;

public record LinkRequest(@Size(max = FieldLimits.LIST) List<@NotBlank @Size(max = FieldLimits.REFERENCE) String> controlIds,
                          @Size(max = FieldLimits.LIST) List<@NotNull UUID> aiSystemIds, Instant effectiveAt) {

    public LinkRequest {
        controlIds = controlIds == null ? List.of() : controlIds;
        aiSystemIds = aiSystemIds == null ? List.of() : aiSystemIds;
    }
}

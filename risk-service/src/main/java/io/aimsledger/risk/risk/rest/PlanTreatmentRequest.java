package io.aimsledger.risk.risk.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.risk.v1.Treatment;
import io.aimsledger.contracts.risk.v1.TreatmentOption;
import io.aimsledger.support.web.FieldLimits;

public record PlanTreatmentRequest(@NotNull TreatmentOption option, @Size(max = FieldLimits.TEXT) String plan,
                                   @Size(max = FieldLimits.LIST) List<@NotBlank @Size(max = FieldLimits.NAME) String> controlIds,
                                   LocalDate dueDate, Instant effectiveAt) {

    public Treatment treatment() {
        return new Treatment(option, plan, controlIds == null ? List.of() : List.copyOf(controlIds), dueDate);
    }
}

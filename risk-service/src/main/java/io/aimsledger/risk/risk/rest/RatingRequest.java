package io.aimsledger.risk.risk.rest;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.risk.v1.Rating;
import io.aimsledger.support.web.FieldLimits;

/** An assessment of the inherent or the residual risk. */
public record RatingRequest(@NotNull @Min(1) @Max(5) Integer likelihood, @NotNull @Min(1) @Max(5) Integer impact,
                            @Size(max = FieldLimits.TEXT) String rationale, Instant effectiveAt) {

    public Rating rating() {
        return new Rating(likelihood, impact);
    }
}

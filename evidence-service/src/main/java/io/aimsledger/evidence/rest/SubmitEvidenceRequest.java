package io.aimsledger.evidence.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.support.web.FieldLimits;

/**
 * A submission's fields: the JSON body of an external submission ({@code externalUri} and {@code sha256}),
 * or the {@code metadata} part of an upload (where {@code sha256}, if given, must be the file's).
 */
public record SubmitEvidenceRequest(@NotBlank @Size(max = FieldLimits.NAME) String title,
                                    @Size(max = FieldLimits.TEXT) String description,
                                    @NotNull EvidenceKind kind,
                                    @Size(max = FieldLimits.LIST) List<@NotBlank @Size(max = FieldLimits.REFERENCE) String> controlIds,
                                    @Size(max = FieldLimits.LIST) List<@NotNull UUID> aiSystemIds,
                                    Instant effectiveAt,
                                    Instant validUntil,
                                    @Size(max = FieldLimits.REFERENCE) @Pattern(regexp = "^(https?|s3|gs|file)://\\S+$",
                                            message = "must be an absolute http, https, s3, gs or file URI") String externalUri,
                                    @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be 64 lowercase hex digits")
                                    String sha256) {

    public SubmitEvidenceRequest {
        controlIds = controlIds == null ? List.of() : controlIds;
        aiSystemIds = aiSystemIds == null ? List.of() : aiSystemIds;
    }
}

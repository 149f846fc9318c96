package io.aimsledger.contracts.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/**
 * The JSON Schemas of the inbound (ingest) event types, published as resources under
 * {@code io/aimsledger/contracts/schemas/ingest/}, and validation of an event's data against them.
 */
public final class IngestSchemas {

    public static final String AI_SYSTEM_DISCOVERED = "io.aimsledger.ingest.ai-system-discovered.v1";
    public static final String MODEL_VERSION_REGISTERED = "io.aimsledger.ingest.model-version-registered.v1";
    public static final String EVIDENCE_SUBMITTED = "io.aimsledger.ingest.evidence-submitted.v1";
    public static final String RISK_SIGNAL = "io.aimsledger.ingest.risk-signal.v1";

    private static final Map<String, Validator> VALIDATORS = Map.of(
            AI_SYSTEM_DISCOVERED, load("ai-system-discovered.v1.json"),
            MODEL_VERSION_REGISTERED, load("model-version-registered.v1.json"),
            EVIDENCE_SUBMITTED, load("evidence-submitted.v1.json"),
            RISK_SIGNAL, load("risk-signal.v1.json"));

    private IngestSchemas() {
    }

    public static boolean isKnown(String type) {
        return VALIDATORS.containsKey(type);
    }

    /**
     * Checks {@code data} (JSON text) against the schema of {@code type}; empty when valid.
     * Unknown types are the caller's to reject before asking.
     */
    public static List<SchemaViolation> validate(String type, String data) {
        Validator validator = Optional.ofNullable(VALIDATORS.get(type))
                .orElseThrow(() -> new IllegalArgumentException("no schema for " + type));
        Object instance;
        try {
            instance = io.vertx.core.json.Json.decodeValue(data);
        } catch (RuntimeException e) {
            return List.of(new SchemaViolation("", "is not valid JSON"));
        }
        if (!(instance instanceof JsonObject)) {
            return List.of(new SchemaViolation("", "must be a JSON object"));
        }
        OutputUnit result = validator.validate(instance);
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        List<SchemaViolation> violations = new ArrayList<>();
        List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty()
                ? List.of(result) : result.getErrors();
        for (OutputUnit error : errors) {
            String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation();
            violations.add(new SchemaViolation(pointerToPath(location), error.getError()));
        }
        return violations;
    }

    /** {@code /controlIds/0} -> {@code controlIds[0]}. */
    private static String pointerToPath(String pointer) {
        var out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }

    private static Validator load(String file) {
        try (InputStream in = IngestSchemas.class.getResourceAsStream("/io/aimsledger/contracts/schemas/ingest/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + file);
            }
            var schema = JsonSchema.of(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return Validator.create(schema, new JsonSchemaOptions()
                    .setDraft(Draft.DRAFT202012)
                    .setBaseUri("https://aimsledger.io/schemas/")
                    .setOutputFormat(OutputFormat.Basic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

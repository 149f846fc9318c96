package io.aimsledger.eventstore.web;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.web.RequestValues;

/** The {@code effectiveAt} member of a JSON merge patch, which says when the change took effect. */
public final class EffectiveAt {

    private EffectiveAt() {
    }

    /**
     * Removes {@code effectiveAt} from {@code body} (it is not a field to patch) and answers it, or null
     * when it is absent or null.
     */
    public static Instant takeFrom(JsonNode body) {
        if (!(body instanceof ObjectNode patch) || !patch.has(CommandContexts.EFFECTIVE_AT)) {
            return null;
        }
        JsonNode value = patch.remove(CommandContexts.EFFECTIVE_AT);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidRequest.of(CommandContexts.EFFECTIVE_AT, "must be an ISO-8601 instant in UTC, e.g. 2026-03-31T00:00:00Z");
        }
        return RequestValues.optionalInstant(value.textValue(), CommandContexts.EFFECTIVE_AT);
    }
}

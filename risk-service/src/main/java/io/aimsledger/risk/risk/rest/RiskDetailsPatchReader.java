package io.aimsledger.risk.risk.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.risk.risk.domain.RiskDetailsPatch;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Violation;
import io.aimsledger.support.web.FieldLimits;

/**
 * Reads a JSON merge patch (RFC 7396) of a risk's details with the checks of identifying one: unknown
 * fields, wrong types, clearing a required field and oversize values are 400s.
 */
final class RiskDetailsPatchReader {

    private static final List<String> REQUIRED = List.of("title", "category", "owner");

    private RiskDetailsPatchReader() {
    }

    static RiskDetailsPatch read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object (a merge patch of the risk's details)");
        }
        Map<String, Object> changes = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        body.properties().forEach(entry -> {
            String field = entry.getKey();
            if (!RiskDetailsPatch.FIELDS.contains(field)) {
                violations.add(new Violation(field, "is not a field that can be patched"));
                return;
            }
            try {
                changes.put(field, value(field, entry.getValue()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field, e.getMessage()));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new RiskDetailsPatch(changes);
    }

    private static Object value(String field, JsonNode node) {
        if (node.isNull()) {
            if (REQUIRED.contains(field)) {
                throw new IllegalArgumentException("must not be null: it is required");
            }
            return null;
        }
        return switch (field) {
            case "category" -> category(node);
            case "reviewDue" -> date(node);
            case "description" -> text(field, node, FieldLimits.TEXT);
            case "source" -> text(field, node, FieldLimits.REFERENCE);
            default -> text(field, node, FieldLimits.NAME);
        };
    }

    private static String text(String field, JsonNode node, int max) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("must be a string");
        }
        String text = node.textValue();
        if (REQUIRED.contains(field) && text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("size must be between 0 and " + max);
        }
        return text;
    }

    private static RiskCategory category(JsonNode node) {
        try {
            return RiskCategory.valueOf(node.isTextual() ? node.textValue() : "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + List.of(RiskCategory.values()));
        }
    }

    private static LocalDate date(JsonNode node) {
        try {
            if (node.isTextual()) {
                LocalDate date = LocalDate.parse(node.textValue());
                if (date.getYear() >= 1 && date.getYear() <= 9999) {
                    return date;
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be an ISO-8601 date, e.g. 2026-03-31");
    }
}

package io.aimsledger.inventory.aisystem.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.inventory.aisystem.domain.DescriptionField;
import io.aimsledger.inventory.aisystem.domain.DescriptionPatch;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Violation;
import io.aimsledger.support.web.FieldLimits;

/**
 * Reads a JSON merge patch (RFC 7396) of the descriptive fields, with the same checks as creating:
 * unknown or read-only fields, wrong types, clearing a required field and oversize values are 400s.
 */
final class DescriptionPatchReader {

    private DescriptionPatchReader() {
    }

    static DescriptionPatch read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequest.of("body", "must be a JSON object (a merge patch of the descriptive fields)");
        }
        Map<DescriptionField, Object> changes = new EnumMap<>(DescriptionField.class);
        List<Violation> violations = new ArrayList<>();
        body.properties().forEach(entry -> {
            Optional<DescriptionField> field = Arrays.stream(DescriptionField.values())
                    .filter(f -> f.apiName().equals(entry.getKey())).findFirst();
            if (field.isEmpty()) {
                violations.add(new Violation(entry.getKey(), "is not a field that can be patched"));
                return;
            }
            try {
                changes.put(field.get(), value(field.get(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(entry.getKey(), e.getMessage()));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations);
        }
        return new DescriptionPatch(changes);
    }

    private static Object value(DescriptionField field, JsonNode node) {
        if (node.isNull()) {
            if (field.required()) {
                throw new IllegalArgumentException("must not be null: it is required");
            }
            return null;
        }
        return switch (field) {
            case ORGANIZATION_ROLE -> enumValue(OrganizationRole.class, node);
            case AI_TECHNIQUE -> enumValue(AiTechnique.class, node);
            case AFFECTED_STAKEHOLDERS -> stakeholders(node);
            case DESCRIPTION, PURPOSE, DEPLOYMENT_CONTEXT, HUMAN_OVERSIGHT -> text(field, node, FieldLimits.TEXT);
            case NAME, OWNER, BUSINESS_UNIT, VENDOR -> text(field, node, FieldLimits.NAME);
        };
    }

    private static String text(DescriptionField field, JsonNode node, int max) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("must be a string");
        }
        String text = node.textValue();
        if (field.required() && text.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException("size must be between 0 and " + max);
        }
        return text;
    }

    private static List<String> stakeholders(JsonNode node) {
        if (!node.isArray() || node.size() > FieldLimits.LIST) {
            throw new IllegalArgumentException("must be an array of at most " + FieldLimits.LIST + " strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > FieldLimits.NAME) {
                throw new IllegalArgumentException("must hold non-blank strings of at most " + FieldLimits.NAME
                        + " characters");
            }
            values.add(item.textValue());
        }
        return List.copyOf(values);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node) {
        if (node.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(node.textValue())) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}

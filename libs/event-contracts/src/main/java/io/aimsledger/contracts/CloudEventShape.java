package io.aimsledger.contracts;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Says, in the API's words, which required attribute of a structured-mode CloudEvent is missing or wrong. */
final class CloudEventShape {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventShape() {
    }

    static void requireNonEmpty(String attribute, String value) {
        if (value == null || value.isEmpty()) {
            throw new NotACloudEvent(attribute, "must be a non-empty string");
        }
    }

    /** Why the SDK could not read {@code json}; the SDK's own message may name its classes, so it is not used. */
    static NotACloudEvent diagnose(byte[] json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            return new NotACloudEvent("", "is not JSON");
        }
        if (node == null || !node.isObject()) {
            return new NotACloudEvent("", "must be a JSON object");
        }
        if (!"1.0".equals(node.path("specversion").textValue())) {
            return new NotACloudEvent("specversion", "must be \"1.0\"");
        }
        for (String attribute : new String[] {"id", "source", "type"}) {
            if (!node.path(attribute).isTextual() || node.path(attribute).textValue().isEmpty()) {
                return new NotACloudEvent(attribute, "must be a non-empty string");
            }
        }
        for (String attribute : new String[] {"subject", "datacontenttype", "dataschema"}) {
            if (node.has(attribute) && !node.get(attribute).isTextual()) {
                return new NotACloudEvent(attribute, "must be a string");
            }
        }
        if (node.has("time")) {
            try {
                OffsetDateTime.parse(node.get("time").asText());
            } catch (DateTimeParseException e) {
                return new NotACloudEvent("time", "must be an RFC 3339 timestamp, e.g. 2026-03-31T10:15:30Z");
            }
        }
        if (node.has("data") && node.has("data_base64")) {
            return new NotACloudEvent("data", "must not be given together with data_base64");
        }
        return new NotACloudEvent("", "is not a structured-mode CloudEvent 1.0");
    }
}

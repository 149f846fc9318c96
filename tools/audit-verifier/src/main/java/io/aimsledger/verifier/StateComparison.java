package io.aimsledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares {@code state.json}, read as a stream one entity at a time, with the state derived from the
 * entries ({@link StateDerivation}), list by list in id order and field by field; answers the first
 * difference in words, or null when they are the same.
 */
final class StateComparison {

    private final Map<String, List<StateDerivation.Derived>> derived;
    private int compared;

    StateComparison(Map<String, List<StateDerivation.Derived>> derived) {
        this.derived = derived;
    }

    /** How many entities were found equal. */
    int compared() {
        return compared;
    }

    String firstDifference(InputStream state) throws IOException {
        try (JsonParser parser = ExportArchive.JSON.getFactory().createParser(state)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "state.json is not a JSON object";
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                seen.add(key);
                String difference = compare(key, parser, derived.getOrDefault(key, List.of()).iterator());
                if (difference != null) {
                    return difference;
                }
            }
            for (var list : derived.entrySet()) {
                if (!seen.contains(list.getKey()) && !list.getValue().isEmpty()) {
                    return "state.json has no list " + list.getKey() + ", where the entries imply "
                            + list.getValue().size() + " entities, the first " + list.getValue().getFirst().id();
                }
            }
            return null;
        }
    }

    /** One list, the parser on its START_ARRAY. */
    private String compare(String key, JsonParser parser, Iterator<StateDerivation.Derived> expected) throws IOException {
        StateDerivation.Derived next = expected.hasNext() ? expected.next() : null;
        JsonNode stated = nextElement(parser);
        while (stated != null || next != null) {
            if (stated == null) {
                return key + ": " + next.id() + " is missing from state.json, though the entries imply it";
            }
            if (next == null) {
                return key + ": state.json has an entity the entries do not imply: " + describe(stated);
            }
            if (!next.view().equals(stated)) {
                StateDerivation.Derived after = expected.hasNext() ? expected.next() : null;
                if (after != null && after.view().equals(stated)) {
                    return key + ": " + next.id() + " is missing from state.json, though the entries imply it";
                }
                JsonNode statedAfter = nextElement(parser);
                if (statedAfter != null && next.view().equals(statedAfter)) {
                    return key + ": state.json has an entity the entries do not imply: " + describe(stated);
                }
                return key + ": " + next.id() + " differs from what the entries imply: " + field(next.view(), stated);
            }
            compared++;
            next = expected.hasNext() ? expected.next() : null;
            stated = nextElement(parser);
        }
        return null;
    }

    private static JsonNode nextElement(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.END_ARRAY) {
            return null;
        }
        JsonToken token = parser.nextToken();
        return token == JsonToken.END_ARRAY || token == null ? null : ExportArchive.JSON.readTree(parser);
    }

    /** The first field whose value differs, in words. */
    private static String field(JsonNode expected, JsonNode stated) {
        for (var field : expected.properties()) {
            JsonNode other = stated.get(field.getKey());
            if (other == null) {
                return "state.json has no " + field.getKey();
            }
            if (!field.getValue().equals(other)) {
                return field.getKey() + " is " + other + " in state.json, but " + field.getValue() + " by the entries";
            }
        }
        for (var field : stated.properties()) {
            if (!expected.has(field.getKey())) {
                return "state.json adds " + field.getKey();
            }
        }
        return "they differ";
    }

    private static String describe(JsonNode entity) {
        String text = entity.has("id") ? "id " + entity.get("id").asText() : entity.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}

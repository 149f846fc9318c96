package io.aimsledger.support.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import io.aimsledger.support.problem.InvalidRequest;

/**
 * Path and query values parsed so that a bad one is a 400 problem naming it (JAX-RS would answer
 * 404 for a path or query parameter it cannot convert).
 */
public final class RequestValues {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private RequestValues() {
    }

    public static UUID uuid(String value, String field) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw InvalidRequest.of(field, "must be a UUID");
    }

    /** An optional enum value: null when absent, a 400 when not one of the constants. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** An optional ISO-8601 instant ({@code 2026-03-31T00:00:00Z}): null when absent, a 400 when malformed. */
    public static Instant optionalInstant(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be an ISO-8601 instant in UTC, e.g. 2026-03-31T00:00:00Z");
        }
    }

    public static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequest.of("limit", String.format(Locale.ROOT, "must be a whole number from 1 to %d", MAX_LIMIT));
    }

    /** An optional whole number of at least {@code min}: null when absent, a 400 otherwise. */
    public static Long optionalLong(String value, String field, long min) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequest.of(field, "must be a whole number of at least " + min);
    }
}

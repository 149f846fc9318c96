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

    /** An optional UUID filter: null when absent or empty, a 400 when not a UUID. */
    public static UUID optionalUuid(String value, String field) {
        return value == null || value.isEmpty() ? null : uuid(value, field);
    }

    /** An optional text filter: null when absent or empty. */
    public static String optionalText(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** An optional yes-or-no filter: null when absent or empty, a 400 when neither true nor false. */
    public static Boolean optionalFlag(String value, String field) {
        return value == null || value.isEmpty() ? null : optionalBoolean(value, field);
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

    /** The first instant the API takes (years 0001 to 9999, as API.md says): 0001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The last instant the API takes: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * An optional ISO-8601 instant ({@code 2026-03-31T00:00:00Z}) in the years 0001 to 9999: null when
     * absent, a 400 when malformed or outside that range (PostgreSQL and the exports cannot hold it).
     */
    public static Instant optionalInstant(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be an ISO-8601 instant in UTC, e.g. 2026-03-31T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw InvalidRequest.of(field, "must lie in the years 0001 to 9999");
        }
        return instant;
    }

    /** A required ISO-8601 instant, as {@link #optionalInstant}: a 400 when absent. */
    public static Instant instant(String value, String field) {
        Instant instant = optionalInstant(value, field);
        if (instant == null) {
            throw InvalidRequest.of(field, "is required: an ISO-8601 instant in UTC, e.g. 2026-03-31T00:00:00Z");
        }
        return instant;
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

    /** An optional {@code true} or {@code false}: false when absent, a 400 otherwise. */
    public static boolean optionalBoolean(String value, String field) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidRequest.of(field, "must be true or false");
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

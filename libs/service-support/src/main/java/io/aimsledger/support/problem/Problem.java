package io.aimsledger.support.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, extended with the platform's stable {@code code} and,
 * for validation failures, the list of field violations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String code, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://aimsledger.io/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + code), title, status, detail, code, null);
    }

    public static Problem invalid(String code, String detail, List<Violation> violations) {
        return new Problem(URI.create(TYPE_BASE + code), "Invalid request", 400, detail, code, List.copyOf(violations));
    }
}

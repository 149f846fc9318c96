package io.aimsledger.eventstore.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.support.problem.InvalidRequest;

/** {@code If-Match}, {@code ETag} and {@code Idempotency-Key} as API.md defines them: {@code ETag: "<version>"}. */
public final class CommandHeaders {

    public static final String IF_MATCH = "If-Match";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAY = "Idempotent-Replayed";

    private CommandHeaders() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What an {@code If-Match} asks, or null without one: {@code *}, or a list of entity tags compared
     * strongly, so that a weak tag ({@code W/"1"}) never matches. A malformed value is a 400.
     */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        if (ifMatch.trim().equals("*")) {
            return new ExpectedVersion.AnyExisting();
        }
        Set<Long> strong = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            boolean weak = value.startsWith("W/");
            if (weak) {
                value = value.substring(2);
            }
            Long version = value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")
                    ? version(value.substring(1, value.length() - 1)) : null;
            if (version == null) {
                throw InvalidRequest.of(IF_MATCH, "must be * or the ETag of the resource, e.g. \"3\"");
            }
            if (!weak) {
                strong.add(version);
            }
        }
        return new ExpectedVersion.OneOf(strong);
    }

    private static Long version(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }

    /** The key with a hash of what it was sent with, or null without one. */
    public static IdempotencyKey idempotencyKey(String key, String method, String path, byte[] body) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > IdempotencyKey.MAX_LENGTH) {
            throw InvalidRequest.of(IDEMPOTENCY_KEY, "must be 1 to " + IdempotencyKey.MAX_LENGTH + " characters");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body == null ? new byte[0] : body);
            return new IdempotencyKey(key, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP response for a handled command: status, ETag, Location, and the stored JSON view. */
    public static Response response(CommandResponse result) {
        var response = Response.status(result.status())
                .type("application/json")
                .header("ETag", etag(result.version()))
                .entity(result.body());
        if (result.location() != null) {
            response.header("Location", result.location());
        }
        if (result.replayed()) {
            response.header(IDEMPOTENT_REPLAY, "true");
        }
        return response.build();
    }
}

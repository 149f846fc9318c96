package io.aimsledger.support.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.aimsledger.support.problem.InvalidRequest;

/**
 * Where a list page ended, for keyset paging over {@code (createdAt, id)}: opaque to clients
 * (base64url), stable under inserts, and a 400 when tampered with.
 */
public record PageCursor(Instant createdAt, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null for the first page. */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 2) {
                return new PageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw InvalidRequest.of("cursor", "is not a cursor this API returned");
    }
}

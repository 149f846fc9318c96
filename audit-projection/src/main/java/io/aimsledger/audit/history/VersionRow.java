package io.aimsledger.audit.history;

import java.time.Instant;

/**
 * One row of {@code entity_version}: a version of an entity in valid time ({@code validFrom} until
 * {@code validTo}, null: still holds) as known in system time ({@code recordedFrom} until
 * {@code recordedTo}, null: still known). {@code state} (the published view) and {@code fold} (what the
 * next event evolves) are JSON text, as stored.
 */
public record VersionRow(String entityType, String entityId, Instant validFrom, Instant validTo, Instant recordedFrom,
                         Instant recordedTo, long eventSeq, String eventId, String eventType, boolean ended,
                         String state, String fold, long streamVersion, Instant createdAt) {

    /** The same version, known from {@code recordedAt} on, ending in valid time at {@code until}. */
    VersionRow rerecorded(Instant until, Instant recordedAt) {
        return new VersionRow(entityType, entityId, validFrom, until, recordedAt, null, eventSeq, eventId, eventType,
                ended, state, fold, streamVersion, createdAt);
    }

    /** The same version, no longer known from {@code recordedAt} on. */
    VersionRow closed(Instant recordedAt) {
        return new VersionRow(entityType, entityId, validFrom, validTo, recordedFrom, recordedAt, eventSeq, eventId,
                eventType, ended, state, fold, streamVersion, createdAt);
    }

    /** Whether a change taking effect at {@code at} replaces this version (it still holds then, or ends just then). */
    boolean affectedBy(Instant at) {
        return validTo == null || !validTo.isBefore(at);
    }
}

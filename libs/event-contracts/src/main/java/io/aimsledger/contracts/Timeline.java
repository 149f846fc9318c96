package io.aimsledger.contracts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cloudevents.CloudEvent;


/**
 * An entity's versions in valid time, from its events in the order they took effect (ties in log
 * order), folded with its type's own fold. Pure: the same events always give the same timeline. The
 * audit projection derives its versions with it, and the offline verifier the state of an export.
 */
public final class Timeline {

    /** One event of the entity as the log holds it. */
    public record Change(long seq, String eventId, String eventType, Instant occurredAt, long streamVersion,
                         Object event) {

        /**
         * The logged CloudEvent at {@code seq} as a change of its entity: its {@code time} is the valid
         * time, its {@code streamversion} the stream's version. Empty when it has no time or its data is
         * not its contract's (it stays in the log, but not in any entity's history).
         */
        public static Optional<Change> of(long seq, CloudEvent event) {
            if (event.getTime() == null) {
                return Optional.empty();
            }
            try {
                Object payload = PayloadCodec.read(event.getType(), event.getData() == null ? new byte[0]
                        : event.getData().toBytes());
                Object streamVersion = event.getExtension(CloudEventCodec.STREAM_VERSION);
                long version = streamVersion == null ? 0 : Long.parseLong(streamVersion.toString());
                return Optional.of(new Change(seq, event.getId(), event.getType(), event.getTime().toInstant(), version,
                        payload));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A version: the published state from {@code validFrom} until {@code validTo} (null: still holds), and
     * what the next change needs to evolve it: the fold's state, the newest stream version, the entity's start.
     */
    public record Version(Instant validFrom, Instant validTo, Change cause, boolean ended, Object state, Object fold,
                          long streamVersion, Instant createdAt) {
    }

    private Timeline() {
    }

    /** @param changes sorted by occurred-at, then log sequence */
    public static List<Version> of(EntityType<?, ?> type, List<Change> changes) {
        List<Version> versions = new ArrayList<>();
        Object state = type.initial();
        Instant createdAt = null;
        long version = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            state = type.evolveAny(state, change.event());
            // A back-dated change counts: the view's version is the newest stream version folded in, as the service's.
            version = Math.max(version, change.streamVersion());
            if (!type.existsAny(state)) {
                continue;
            }
            if (createdAt == null) {
                createdAt = change.occurredAt();
            }
            Instant validTo = i + 1 < changes.size() ? changes.get(i + 1).occurredAt() : null;
            // Two changes at the same instant: only the state after both ever held.
            if (validTo != null && !validTo.isAfter(change.occurredAt())) {
                continue;
            }
            versions.add(new Version(change.occurredAt(), validTo, change, type.endedAny(state),
                    type.viewAny(state, version, createdAt, change.occurredAt()), state, version, createdAt));
        }
        return versions;
    }
}

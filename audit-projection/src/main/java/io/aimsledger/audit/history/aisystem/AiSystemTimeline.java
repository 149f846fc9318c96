package io.aimsledger.audit.history.aisystem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;

/**
 * An AI system's versions in valid time, from its events in the order they took effect (ties in
 * the order they were recorded). Pure: the same events always give the same timeline.
 */
public final class AiSystemTimeline {

    /** One event of the system as the log holds it. */
    public record Change(long seq, String eventId, String eventType, Instant occurredAt, long streamVersion,
                         InventoryEvent event) {
    }

    /** A version: the state from {@code validFrom} until {@code validTo} (null: still holds). */
    public record Version(Instant validFrom, Instant validTo, Change cause, AiSystemView state) {
    }

    private AiSystemTimeline() {
    }

    /** @param changes sorted by occurred-at, then log sequence */
    public static List<Version> of(List<Change> changes) {
        List<Version> versions = new ArrayList<>();
        AiSystem state = AiSystem.none();
        Instant createdAt = null;
        long version = 0;
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            state = AiSystem.evolve(state, change.event());
            // A back-dated change counts: the view's version is the newest stream version folded in, as the service's.
            version = Math.max(version, change.streamVersion());
            if (!state.registered() || state.description() == null) {
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
            versions.add(new Version(change.occurredAt(), validTo, change,
                    AiSystemView.of(state, version, createdAt, change.occurredAt())));
        }
        return versions;
    }
}

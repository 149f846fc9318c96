package io.aimsledger.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.Timeline;
import io.cloudevents.CloudEvent;

/**
 * Derives the state of every entity at the export's {@code asOf}, as known at its {@code knownAt}, from
 * the exported entries, with the folds the contracts publish ({@link Contracts#ENTITY_TYPES}), the same
 * the platform folds with: only the changes that took effect by {@code asOf} and were recorded by
 * {@code knownAt} are kept, per entity, and folded in valid-time order.
 */
final class StateDerivation {

    /** An entity's derived state: its id and its published view as JSON. */
    record Derived(String id, JsonNode view) {
    }

    private record Entity(EntityType<?, ?> type, String id) {
    }

    private final Instant asOf;
    private final Instant knownAt;
    private final Map<Entity, List<Timeline.Change>> changes = new HashMap<>();
    private long withoutRecordedAt;

    StateDerivation(Instant asOf, Instant knownAt) {
        this.asOf = asOf;
        this.knownAt = knownAt;
    }

    /** An entry of the log, in seq order; {@code recordedAt} null in exports that do not say. */
    void entry(long seq, String event, Instant recordedAt) {
        if (recordedAt == null) {
            withoutRecordedAt++;
        } else if (recordedAt.isAfter(knownAt)) {
            return;
        }
        CloudEvent cloudEvent;
        try {
            cloudEvent = CloudEventCodec.fromJson(event.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException notACloudEvent) {
            return;
        }
        var type = Contracts.ENTITY_TYPES.ofEventType(cloudEvent.getType());
        if (type.isEmpty() || cloudEvent.getSubject() == null) {
            return;
        }
        Timeline.Change.of(seq, cloudEvent).filter(change -> !change.occurredAt().isAfter(asOf))
                .ifPresent(change -> changes.computeIfAbsent(new Entity(type.get(), cloudEvent.getSubject()),
                        k -> new ArrayList<>()).add(change));
    }

    /** Entries that did not say when they were recorded (taken as known at {@code knownAt}). */
    long withoutRecordedAt() {
        return withoutRecordedAt;
    }

    /** Per state key ({@code aiSystems}), the entities that exist at {@code asOf}, in id order. */
    Map<String, List<Derived>> states() {
        Map<String, List<Derived>> states = new TreeMap<>();
        Contracts.ENTITY_TYPES.all().forEach(type -> states.put(type.stateKey(), new ArrayList<>()));
        changes.forEach((entity, entityChanges) -> {
            entityChanges.sort(Comparator.comparing(Timeline.Change::occurredAt).thenComparingLong(Timeline.Change::seq));
            List<Timeline.Version> versions = Timeline.of(entity.type(), entityChanges);
            if (!versions.isEmpty()) {
                states.get(entity.type().stateKey()).add(new Derived(entity.id(), json(versions.getLast().state())));
            }
        });
        states.values().forEach(list -> list.sort(Comparator.comparing(Derived::id)));
        return states;
    }

    /** As JSON text would read it back, so that it compares with what state.json holds. */
    private static JsonNode json(Object view) {
        try {
            return ExportArchive.JSON.readTree(PayloadCodec.write(view));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

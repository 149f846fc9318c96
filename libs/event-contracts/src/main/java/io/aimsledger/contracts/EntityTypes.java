package io.aimsledger.contracts;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every entity type of the published language, looked up by an event's type or by its collection.
 * The lookups by event type are worked out once, here, since the audit makes one per event it reads.
 */
public final class EntityTypes {

    private final List<EntityType<?, ?>> types;
    private final Map<String, EntityType<?, ?>> byEventType = new HashMap<>();
    private final Map<EntityType<?, ?>, String[]> eventTypes = new IdentityHashMap<>();
    private final String[] allEventTypes;

    public EntityTypes(List<EntityType<?, ?>> types) {
        this.types = List.copyOf(types);
        for (EntityType<?, ?> type : this.types) {
            List<String> ofType = type.eventTypes();
            eventTypes.put(type, ofType.toArray(String[]::new));
            ofType.forEach(eventType -> byEventType.putIfAbsent(eventType, type));
        }
        allEventTypes = byEventType.keySet().stream().sorted().toArray(String[]::new);
    }

    public List<EntityType<?, ?>> all() {
        return types;
    }

    /** The entity type a CloudEvents type is about, if any. */
    public Optional<EntityType<?, ?>> ofEventType(String eventType) {
        return Optional.ofNullable(byEventType.get(eventType));
    }

    /** The CloudEvents types of {@code type}'s events. */
    public String[] eventTypesOf(EntityType<?, ?> type) {
        return eventTypes.get(type).clone();
    }

    /** The CloudEvents types of every entity type's events. */
    public String[] allEventTypes() {
        return allEventTypes.clone();
    }

    public Optional<EntityType<?, ?>> byCollection(String collection) {
        return types.stream().filter(type -> type.collection().equals(collection)).findFirst();
    }
}

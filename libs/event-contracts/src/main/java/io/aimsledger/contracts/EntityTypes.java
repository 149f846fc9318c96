package io.aimsledger.contracts;

import java.util.List;
import java.util.Optional;

/** Every entity type of the published language, looked up by an event's type or by its collection. */
public final class EntityTypes {

    private final List<EntityType<?, ?>> types;
    private final ContractRegistry contracts;

    public EntityTypes(List<EntityType<?, ?>> types, ContractRegistry contracts) {
        this.types = List.copyOf(types);
        this.contracts = contracts;
    }

    public List<EntityType<?, ?>> all() {
        return types;
    }

    /** The entity type a CloudEvents type is about, if any. */
    public Optional<EntityType<?, ?>> ofEventType(String eventType) {
        return contracts.payloadClass(eventType)
                .flatMap(payload -> types.stream().filter(type -> type.concerns(payload)).findFirst());
    }

    public Optional<EntityType<?, ?>> byCollection(String collection) {
        return types.stream().filter(type -> type.collection().equals(collection)).findFirst();
    }

    public Optional<EntityType<?, ?>> byName(String name) {
        return types.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}

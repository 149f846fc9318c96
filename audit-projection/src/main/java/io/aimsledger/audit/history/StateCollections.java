package io.aimsledger.audit.history;

import java.util.ArrayList;
import java.util.List;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;

/**
 * The lists of the whole-state document, in order: those API.md names ({@link Contracts#STATE_COLLECTIONS},
 * empty while their entity type is not published), then any other registered type.
 */
public final class StateCollections {

    /** A list of the document: its key, and the entity type that fills it (null: none yet). */
    public record Collection(String key, EntityType<?, ?> type) {
    }

    private StateCollections() {
    }

    public static List<Collection> all() {
        List<Collection> collections = new ArrayList<>();
        for (String name : Contracts.STATE_COLLECTIONS) {
            EntityType<?, ?> type = Contracts.ENTITY_TYPES.byCollection(name).orElse(null);
            collections.add(new Collection(type == null ? EntityType.camel(name) : type.stateKey(), type));
        }
        for (EntityType<?, ?> type : Contracts.ENTITY_TYPES.all()) {
            if (!Contracts.STATE_COLLECTIONS.contains(type.collection())) {
                collections.add(new Collection(type.stateKey(), type));
            }
        }
        return collections;
    }
}

package io.aimsledger.contracts;

import java.util.List;

/**
 * Contracts found on the class path ({@code META-INF/services/io.aimsledger.contracts.ContractProvider}),
 * beside the platform's own in {@link Contracts}: how a test adds a contract (and entity types) of its
 * own without the production registry knowing it.
 */
public interface ContractProvider {

    List<DomainContract> contracts();

    /** The entity types these contracts' events are about. */
    default List<EntityType<?, ?>> entityTypes() {
        return List.of();
    }
}

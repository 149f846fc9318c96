package io.aimsledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import io.aimsledger.contracts.inventory.v1.InventoryEvent;

/**
 * Every contract the platform publishes. A new domain or version adds one line here; a test adds one
 * of its own through a {@link ContractProvider}.
 */
public final class Contracts {

    public static final DomainContract INVENTORY_V1 = new DomainContract("inventory", 1, InventoryEvent.class);

    public static final ContractRegistry REGISTRY = new ContractRegistry(all(List.of(INVENTORY_V1)));

    private Contracts() {
    }

    private static List<DomainContract> all(List<DomainContract> published) {
        List<DomainContract> contracts = new ArrayList<>(published);
        ServiceLoader.load(ContractProvider.class, Contracts.class.getClassLoader())
                .forEach(provider -> contracts.addAll(provider.contracts()));
        return contracts;
    }
}

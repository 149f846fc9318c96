package io.aimsledger.contracts;

import java.util.List;

import io.aimsledger.contracts.inventory.v1.InventoryEvent;

/** Every contract the platform publishes. A new domain or version adds one line here. */
public final class Contracts {

    public static final DomainContract INVENTORY_V1 = new DomainContract("inventory", 1, InventoryEvent.class);

    public static final ContractRegistry REGISTRY = new ContractRegistry(List.of(INVENTORY_V1));

    private Contracts() {
    }
}

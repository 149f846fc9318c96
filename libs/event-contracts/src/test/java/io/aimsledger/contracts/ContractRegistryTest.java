package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemRegistered;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.ModelRemoved;

class ContractRegistryTest {

    @Test
    void typesFollowTheNamingRuleOfTheArchitecture() {
        var registered = new AiSystemRegistered(UUID.randomUUID(), null, null);

        assertThat(Contracts.REGISTRY.typeOf(registered)).isEqualTo("io.aimsledger.inventory.ai-system-registered.v1");
        assertThat(Contracts.REGISTRY.typeOf(new ModelRemoved(UUID.randomUUID(), UUID.randomUUID())))
                .isEqualTo("io.aimsledger.inventory.model-removed.v1");
        assertThat(Contracts.REGISTRY.contractOf(registered).topic()).isEqualTo("aims.inventory.v1");
        assertThat(Contracts.REGISTRY.contractOf(registered).source()).isEqualTo("/aims/inventory");
    }

    @Test
    void everyTypeMapsBackToItsRecord() {
        Class<?>[] records = InventoryEvent.class.getPermittedSubclasses();
        assertThat(records).hasSizeGreaterThanOrEqualTo(9);
        for (Class<?> record : records) {
            String type = Contracts.INVENTORY_V1.typeOf(record);
            assertThat(Contracts.REGISTRY.payloadClass(type)).as(type).contains(record);
            assertThat(Contracts.REGISTRY.contractOfType(type)).as(type).contains(Contracts.INVENTORY_V1);
        }
        assertThat(Contracts.REGISTRY.payloadClass("io.aimsledger.inventory.no-such-thing.v1")).isEmpty();
    }
}

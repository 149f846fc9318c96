package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

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
        assertThat(Contracts.REGISTRY.payloadClass("io.aimsledger.inventory.ai-system-registered.v1"))
                .contains(AiSystemRegistered.class);
        assertThat(Contracts.REGISTRY.payloadClass("io.aimsledger.inventory.no-such-thing.v1")).isEmpty();
    }
}

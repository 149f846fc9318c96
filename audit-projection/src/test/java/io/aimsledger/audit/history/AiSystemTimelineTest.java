package io.aimsledger.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.audit.history.aisystem.AiSystemTimeline;
import io.aimsledger.audit.history.aisystem.AiSystemTimeline.Change;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

class AiSystemTimelineTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Description SCORER = new Description("Scorer", null, "Score", "alice", null,
            OrganizationRole.DEPLOYER, null, null, null, List.of(), null);

    private static Change change(long seq, String at, long version, InventoryEvent event) {
        return new Change(seq, "e" + seq, "type", Instant.parse(at), version, event);
    }

    @Test
    void eachChangeStartsAVersionThatLastsUntilTheNext() {
        var versions = AiSystemTimeline.of(List.of(
                change(1, "2026-01-01T00:00:00Z", 1, new InventoryEvent.AiSystemRegistered(ID, SCORER, null)),
                change(2, "2026-02-01T00:00:00Z", 2, new InventoryEvent.AiSystemClassified(ID,
                        EuAiActRiskClass.MINIMAL_RISK, "spam filter"))));

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).validTo()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(versions.get(0).state().euAiActRiskClass()).isEqualTo(EuAiActRiskClass.UNCLASSIFIED);
        assertThat(versions.get(1).validTo()).isNull();
        assertThat(versions.get(1).state().euAiActRiskClass()).isEqualTo(EuAiActRiskClass.MINIMAL_RISK);
        assertThat(versions.get(1).state().createdAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(versions.get(1).state().updatedAt()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(versions.get(1).state().version()).isEqualTo(2);
    }

    @Test
    void changesAtTheSameInstantLeaveOnlyTheStateAfterBoth() {
        var versions = AiSystemTimeline.of(List.of(
                change(1, "2026-01-01T00:00:00Z", 1, new InventoryEvent.AiSystemRegistered(ID, SCORER, null)),
                change(2, "2026-01-01T00:00:00Z", 2, new InventoryEvent.AiSystemClassified(ID,
                        EuAiActRiskClass.HIGH_RISK, "Annex III"))));

        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.validFrom()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(v.state().euAiActRiskClass()).isEqualTo(EuAiActRiskClass.HIGH_RISK);
            assertThat(v.cause().seq()).isEqualTo(2);
        });
    }

    @Test
    void nothingHoldsBeforeTheSystemIsRegistered() {
        assertThat(AiSystemTimeline.of(List.of(change(1, "2026-01-01T00:00:00Z", 1,
                new InventoryEvent.AiSystemClassified(ID, EuAiActRiskClass.HIGH_RISK, "orphan"))))).isEmpty();
    }
}

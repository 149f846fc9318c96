package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.Timeline.Change;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

/** The generic timeline, with the AI system's fold as the contracts declare it. */
class TimelineTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Description SCORER = new Description("Scorer", null, "Score", "alice", null,
            OrganizationRole.DEPLOYER, null, null, null, List.of(), null);

    private static Change change(long seq, String at, long version, InventoryEvent event) {
        return new Change(seq, "e" + seq, "type", Instant.parse(at), version, event);
    }

    private static AiSystemView view(Timeline.Version version) {
        return (AiSystemView) version.state();
    }

    @Test
    void aBackDatedChangeIsFoldedWhereItTookEffectAndTheVersionIsTheNewest() {
        var versions = Timeline.of(Contracts.AI_SYSTEM, List.of(
                change(1, "2026-01-01T00:00:00Z", 1, new InventoryEvent.AiSystemRegistered(ID, SCORER, null)),
                change(3, "2026-01-15T00:00:00Z", 3, new InventoryEvent.AiSystemClassified(ID,
                        EuAiActRiskClass.HIGH_RISK, "told late")),
                change(2, "2026-02-01T00:00:00Z", 2, new InventoryEvent.AiSystemRetired(ID, "replaced", LifecycleStage.INCEPTION))));

        assertThat(versions).extracting(Timeline.Version::validFrom).containsExactly(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(view(versions.get(1)).euAiActRiskClass()).isEqualTo(EuAiActRiskClass.HIGH_RISK);
        assertThat(view(versions.get(1)).version()).isEqualTo(3);
        assertThat(versions).extracting(Timeline.Version::ended).containsExactly(false, false, true);
        assertThat(view(versions.get(2)).version()).isEqualTo(3);
    }

    @Test
    void eachChangeStartsAVersionThatLastsUntilTheNext() {
        var versions = Timeline.of(Contracts.AI_SYSTEM, List.of(
                change(1, "2026-01-01T00:00:00Z", 1, new InventoryEvent.AiSystemRegistered(ID, SCORER, null)),
                change(2, "2026-02-01T00:00:00Z", 2, new InventoryEvent.AiSystemClassified(ID,
                        EuAiActRiskClass.MINIMAL_RISK, "spam filter"))));

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).validTo()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(view(versions.get(0)).euAiActRiskClass()).isEqualTo(EuAiActRiskClass.UNCLASSIFIED);
        assertThat(versions.get(1).validTo()).isNull();
        assertThat(view(versions.get(1)).euAiActRiskClass()).isEqualTo(EuAiActRiskClass.MINIMAL_RISK);
        assertThat(view(versions.get(1)).createdAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(view(versions.get(1)).updatedAt()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(view(versions.get(1)).version()).isEqualTo(2);
    }

    @Test
    void changesAtTheSameInstantLeaveOnlyTheStateAfterBoth() {
        var versions = Timeline.of(Contracts.AI_SYSTEM, List.of(
                change(1, "2026-01-01T00:00:00Z", 1, new InventoryEvent.AiSystemRegistered(ID, SCORER, null)),
                change(2, "2026-01-01T00:00:00Z", 2, new InventoryEvent.AiSystemClassified(ID,
                        EuAiActRiskClass.HIGH_RISK, "Annex III"))));

        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.validFrom()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(view(v).euAiActRiskClass()).isEqualTo(EuAiActRiskClass.HIGH_RISK);
            assertThat(v.cause().seq()).isEqualTo(2);
        });
    }

    @Test
    void nothingHoldsBeforeTheSystemIsRegistered() {
        assertThat(Timeline.of(Contracts.AI_SYSTEM, List.of(change(1, "2026-01-01T00:00:00Z", 1,
                new InventoryEvent.AiSystemClassified(ID, EuAiActRiskClass.HIGH_RISK, "orphan"))))).isEmpty();
    }
}

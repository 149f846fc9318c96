package io.aimsledger.inventory.aisystem.domain;

import static io.aimsledger.inventory.aisystem.domain.AiSystemDeciderTest.atStage;
import static io.aimsledger.inventory.aisystem.domain.AiSystemDeciderTest.moved;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.decider.testing.DeciderSpecification;

/** Every stage change from every reachable stage and classification, against the rules as API.md states them. */
class LifecycleTransitionsTest {

    private final DeciderSpecification<AiSystemCommand, AiSystem, InventoryEvent> aiSystem =
            DeciderSpecification.of(new AiSystemDecider());

    static List<Arguments> everyReachableStateAndTarget() {
        List<Arguments> cases = new ArrayList<>();
        for (EuAiActRiskClass riskClass : EuAiActRiskClass.values()) {
            boolean deployable = riskClass != EuAiActRiskClass.UNCLASSIFIED && riskClass != EuAiActRiskClass.PROHIBITED;
            for (LifecycleStage from : LifecycleStage.values()) {
                boolean reachable = from != LifecycleStage.RETIRED
                        && (deployable || from.ordinal() < LifecycleStage.DEPLOYMENT.ordinal());
                if (!reachable) {
                    continue;
                }
                for (LifecycleStage to : LifecycleStage.values()) {
                    cases.add(Arguments.of(riskClass, from, to));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @MethodSource("everyReachableStateAndTarget")
    void aStageChangeFollowsTheRules(EuAiActRiskClass riskClass, LifecycleStage from, LifecycleStage to) {
        var outcome = aiSystem.given(atStage(from, riskClass))
                .when(new AiSystemCommand.ChangeLifecycleStage(to, "ready"));
        boolean deployedOrLater = to.ordinal() >= LifecycleStage.DEPLOYMENT.ordinal() && to != LifecycleStage.RETIRED;
        if (to == from) {
            outcome.thenNothingHappens();
        } else if (to == LifecycleStage.RETIRED || to.ordinal() > from.ordinal() + 1) {
            outcome.thenRejectedWith("lifecycle.invalid-transition");
        } else if (deployedOrLater && riskClass == EuAiActRiskClass.UNCLASSIFIED) {
            outcome.thenRejectedWith("lifecycle.classification-required");
        } else if (deployedOrLater && riskClass == EuAiActRiskClass.PROHIBITED) {
            outcome.thenRejectedWith("lifecycle.prohibited");
        } else {
            outcome.then(moved(from, to));
        }
    }
}

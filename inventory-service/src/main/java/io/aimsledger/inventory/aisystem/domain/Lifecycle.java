package io.aimsledger.inventory.aisystem.domain;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.decider.Rejection;

/**
 * The ISO/IEC 22989 life cycle rules: forward one stage at a time, back to any earlier stage for
 * rework; {@code RETIRED} only by retiring, and nothing leaves it; {@code DEPLOYMENT} needs a
 * classification; a {@code PROHIBITED} system is never at {@code DEPLOYMENT} or later.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    static void checkTransition(AiSystem system, LifecycleStage to) {
        LifecycleStage from = system.lifecycleStage();
        if (from == LifecycleStage.RETIRED) {
            throw Rejection.conflict(InventoryProblems.INVALID_TRANSITION, "A retired AI system stays retired.");
        }
        if (to == LifecycleStage.RETIRED) {
            throw Rejection.conflict(InventoryProblems.INVALID_TRANSITION,
                    "An AI system is retired through /retire, not through a stage change.");
        }
        if (to.ordinal() > from.ordinal() + 1) {
            throw Rejection.conflict(InventoryProblems.INVALID_TRANSITION,
                    "From " + from + " the next stage is " + LifecycleStage.values()[from.ordinal() + 1]
                            + "; stages cannot be skipped.");
        }
        checkStageAllows(to, system.riskClass());
    }

    static void checkClassificationAllowed(AiSystem system, EuAiActRiskClass riskClass) {
        checkStageAllows(system.lifecycleStage(), riskClass);
    }

    private static void checkStageAllows(LifecycleStage stage, EuAiActRiskClass riskClass) {
        if (!deployedOrLater(stage)) {
            return;
        }
        if (riskClass == EuAiActRiskClass.UNCLASSIFIED) {
            throw Rejection.conflict(InventoryProblems.CLASSIFICATION_REQUIRED,
                    "An AI system must be classified under the EU AI Act before it is at " + stage + ".");
        }
        if (riskClass == EuAiActRiskClass.PROHIBITED) {
            throw Rejection.conflict(InventoryProblems.PROHIBITED,
                    "A prohibited AI practice (EU AI Act, Article 5) cannot be at " + stage + ".");
        }
    }

    private static boolean deployedOrLater(LifecycleStage stage) {
        return stage.ordinal() >= LifecycleStage.DEPLOYMENT.ordinal() && stage != LifecycleStage.RETIRED;
    }
}

package io.aimsledger.inventory.aisystem.readmodel;

import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.support.web.PageCursor;

/** What a list asks for; null fields do not filter. */
public record AiSystemFilter(LifecycleStage lifecycleStage, EuAiActRiskClass riskClass, String owner,
                             AiSystemView.Status status, PageCursor after, int limit) {
}

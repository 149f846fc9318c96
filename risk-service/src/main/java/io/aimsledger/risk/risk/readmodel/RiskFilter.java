package io.aimsledger.risk.risk.readmodel;

import java.util.UUID;

import io.aimsledger.contracts.risk.v1.RiskLevel;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.support.web.PageCursor;

/** What a list of risks asks for; null fields do not filter. */
public record RiskFilter(UUID aiSystemId, RiskStatus status, RiskLevel level, String owner, Boolean overAppetite,
                         PageCursor after, int limit) {
}

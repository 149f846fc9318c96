package io.aimsledger.risk.aisystem;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.decider.Rejection;
import io.aimsledger.risk.risk.domain.RiskProblems;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What risks and assessments refer to in other domains, checked before a command: AI systems known to
 * the inventory replica and not retired (API.md: 422 {@code risk.unknown-ai-system},
 * {@code risk.ai-system-retired}), and treatment controls among Annex A ({@code risk.unknown-control}).
 */
@ApplicationScoped
public class References {

    private final AiSystemReplica aiSystems;

    public References(AiSystemReplica aiSystems) {
        this.aiSystems = aiSystems;
    }

    public Uni<Void> requireActive(List<UUID> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> aiSystems.find(id)
                .invoke(known -> {
                    if (known == null) {
                        throw Rejection.unprocessable(RiskProblems.UNKNOWN_AI_SYSTEM, "No AI system has the id " + id
                                + " in the inventory.");
                    }
                    if (known.retired()) {
                        throw Rejection.unprocessable(RiskProblems.AI_SYSTEM_RETIRED, "The AI system " + id
                                + " is retired: new risks and assessments cannot refer to it.");
                    }
                })).collect().last().replaceWithVoid();
    }

    /**
     * Every control id is an Annex A control. Custom controls join once controls-service publishes them
     * (aims.controls.v1).
     */
    public void requireKnownControls(List<String> controlIds) {
        for (String id : controlIds) {
            if (!AnnexA.isControl(id)) {
                throw Rejection.unprocessable(RiskProblems.UNKNOWN_CONTROL, "No control has the id " + id
                        + " (Annex A ids look like A.6.2.4).");
            }
        }
    }
}

package io.aimsledger.risk.aisystem;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.aimsledger.risk.risk.domain.RiskProblems;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What risks and assessments refer to in other domains, checked before a command: AI systems known to
 * the inventory replica and not retired (API.md: 422 {@code risk.unknown-ai-system},
 * {@code risk.ai-system-retired}), and treatment controls among Annex A or the catalogue's custom controls
 * ({@code risk.unknown-control}).
 */
@ApplicationScoped
public class References {

    private final AiSystemReplica aiSystems;
    private final EntityReplica controls;

    public References(AiSystemReplica aiSystems, EntityReplica controls) {
        this.aiSystems = aiSystems;
        this.controls = controls;
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

    /** Every control id is an Annex A control, or a control the controls service has published (aims.controls.v1). */
    public Uni<Void> requireKnownControls(List<String> controlIds) {
        return Multi.createFrom().iterable(controlIds).onItem().transformToUniAndConcatenate(id -> AnnexA.isControl(id)
                        ? Uni.createFrom().voidItem()
                        : controls.find(Contracts.CONTROL, id).invoke(control -> {
                            if (control == null || !control.exists()) {
                                throw Rejection.unprocessable(RiskProblems.UNKNOWN_CONTROL, "No control has the id " + id
                                        + ": neither Annex A (ids like A.6.2.4) nor a custom control of the catalogue.");
                            }
                        }).replaceWithVoid())
                .collect().last().replaceWithVoid();
    }
}

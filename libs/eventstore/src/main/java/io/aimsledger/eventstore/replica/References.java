package io.aimsledger.eventstore.replica;

import java.util.List;
import java.util.UUID;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.decider.Rejection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What a service's writes refer to in other domains, checked against its {@link EntityReplica} before a
 * command: AI systems the inventory published and did not retire, and controls among Annex A or the
 * catalogue's custom controls. The problems carry the service's own codes ({@code <domain>.unknown-ai-system},
 * {@code <domain>.ai-system-retired}, {@code <domain>.unknown-control}, 422).
 */
public class References {

    private final EntityReplica replica;
    private final String domain;

    /** @param domain the prefix of the problem codes ({@code risk}, {@code evidence}) */
    public References(EntityReplica replica, String domain) {
        this.replica = replica;
        this.domain = domain;
    }

    public String unknownAiSystem() {
        return domain + ".unknown-ai-system";
    }

    public String aiSystemRetired() {
        return domain + ".ai-system-retired";
    }

    public String unknownControl() {
        return domain + ".unknown-control";
    }

    /** Every AI system is known to the inventory replica and not retired. */
    public Uni<Void> requireActive(List<UUID> ids) {
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> replica
                .find(Contracts.AI_SYSTEM, id.toString()).invoke(known -> {
                    if (known == null || !known.registered()) {
                        throw Rejection.unprocessable(unknownAiSystem(), "No AI system has the id " + id
                                + " in the inventory.");
                    }
                    if (known.retired()) {
                        throw Rejection.unprocessable(aiSystemRetired(), "The AI system " + id
                                + " is retired: new records cannot refer to it.");
                    }
                })).collect().last().replaceWithVoid();
    }

    /** Every control id is an Annex A control, or a control the controls service has published (aims.controls.v1). */
    public Uni<Void> requireKnownControls(List<String> controlIds) {
        return Multi.createFrom().iterable(controlIds).onItem().transformToUniAndConcatenate(id -> AnnexA.isControl(id)
                        ? Uni.createFrom().voidItem()
                        : replica.find(Contracts.CONTROL, id).invoke(control -> {
                            if (control == null || !control.exists()) {
                                throw Rejection.unprocessable(unknownControl(), "No control has the id " + id
                                        + ": neither Annex A (ids like A.6.2.4) nor a custom control of the catalogue.");
                            }
                        }).replaceWithVoid())
                .collect().last().replaceWithVoid();
    }
}

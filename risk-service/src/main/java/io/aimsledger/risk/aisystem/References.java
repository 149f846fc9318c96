package io.aimsledger.risk.aisystem;

import jakarta.inject.Singleton;

import io.aimsledger.eventstore.replica.EntityReplica;

/** The references of risks and assessments (API.md: 422 {@code risk.unknown-ai-system}, {@code risk.ai-system-retired}, {@code risk.unknown-control}). */
@Singleton
public class References extends io.aimsledger.eventstore.replica.References {

    public References(EntityReplica replica) {
        super(replica, "risk");
    }
}

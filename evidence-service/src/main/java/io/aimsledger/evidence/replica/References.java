package io.aimsledger.evidence.replica;

import jakarta.inject.Singleton;

import io.aimsledger.eventstore.replica.EntityReplica;

/**
 * What evidence refers to (API.md: 422 {@code evidence.unknown-control}; {@code evidence.unknown-ai-system},
 * {@code evidence.ai-system-retired}), from the replica of the inventory's and the controls' events.
 */
@Singleton
public class References extends io.aimsledger.eventstore.replica.References {

    public References(EntityReplica replica) {
        super(replica, "evidence");
    }
}

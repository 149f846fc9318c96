package io.aimsledger.risk.aisystem;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.smallrye.mutiny.Uni;

/** The AI systems as the inventory publishes them, in the service's {@link EntityReplica}: what risks may refer to. */
@ApplicationScoped
public class AiSystemReplica {

    /** An AI system as far as this service knows it. */
    public record Known(UUID id, boolean retired) {
    }

    private final EntityReplica replica;

    public AiSystemReplica(EntityReplica replica) {
        this.replica = replica;
    }

    /** The AI system, or null if no inventory event registering it has arrived. */
    public Uni<Known> find(UUID id) {
        return replica.find(Contracts.AI_SYSTEM, id.toString())
                .map(system -> system == null || !system.registered() ? null : new Known(id, system.retired()));
    }

    public Uni<UUID> idByExternalRef(String externalRef) {
        return replica.idWhere(Contracts.AI_SYSTEM, "externalRef", externalRef)
                .map(id -> id == null ? null : UUID.fromString(id));
    }
}

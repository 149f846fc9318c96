package io.aimsledger.risk.aisystem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The AI systems as the inventory publishes them, folded with the inventory's published fold
 * ({@link AiSystem#evolve}) as its events arrive: what risks and impact assessments may refer to.
 */
@ApplicationScoped
public class AiSystemReplica {

    /** An AI system as far as this service knows it. */
    public record Known(UUID id, boolean retired) {
    }

    private final Pool pool;

    public AiSystemReplica(Pool pool) {
        this.pool = pool;
    }

    /** The AI system, or null if no inventory event about it has arrived. */
    public Uni<Known> find(UUID id) {
        return pool.preparedQuery("select retired from ai_system_replica where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : new Known(id, rows.iterator().next().getBoolean(0)));
    }

    public Uni<UUID> idByExternalRef(String externalRef) {
        return pool.preparedQuery("select id from ai_system_replica where external_ref = $1").execute(Tuple.of(externalRef))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    /** Folds {@code event} (version {@code version} of its stream) into the replica; answers the state before it. */
    public Uni<AiSystem> apply(Transaction transaction, InventoryEvent event, long version) {
        UUID id = event.aiSystemId();
        return transaction.query("select state from ai_system_replica where id = $1 for update", id).flatMap(rows -> {
            AiSystem before = rows.isEmpty() ? AiSystem.none()
                    : PayloadCodec.read(rows.getFirst()[0].toString().getBytes(StandardCharsets.UTF_8), AiSystem.class);
            AiSystem after = AiSystem.evolve(before, event);
            String state = new String(PayloadCodec.write(after), StandardCharsets.UTF_8);
            return transaction.update("insert into ai_system_replica (id, external_ref, state, retired, version) "
                            + "values ($1, $2, $3::jsonb, $4, $5) on conflict (id) do update set external_ref = "
                            + "excluded.external_ref, state = excluded.state, retired = excluded.retired, version = "
                            + "excluded.version", id, after.externalRef(), state, after.retired(), version)
                    .replaceWith(before);
        });
    }
}

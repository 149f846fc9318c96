package io.aimsledger.eventstore.replica;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.EntityType;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Another domain's entities as this service knows them ({@code entity_replica}): each folded with the
 * owning domain's published fold ({@link EntityType#evolve}) as its events arrive, so a service refers
 * to AI systems, risks or controls without calling their service and without a fold of its own.
 */
@ApplicationScoped
public class EntityReplica {

    private final Pool pool;

    public EntityReplica(Pool pool) {
        this.pool = pool;
    }

    /** The entity as far as this service knows it, or null if no event about it has arrived. */
    public <S> Uni<S> find(EntityType<S, ?> type, String id) {
        return pool.preparedQuery("select state::text from entity_replica where entity_type = $1 and entity_id = $2")
                .execute(Tuple.of(type.name(), id))
                .map(rows -> rows.size() == 0 ? null : state(type, rows.iterator().next().getString(0)));
    }

    /** The id of the entity whose state has {@code value} in its top-level text field {@code field}, or null. */
    public Uni<String> idWhere(EntityType<?, ?> type, String field, String value) {
        return pool.preparedQuery("select entity_id from entity_replica where entity_type = $1 and state ->> $2 = $3 "
                        + "order by entity_id limit 1").execute(Tuple.of(type.name(), field, value))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** The entities whose state lists {@code value} in its top-level array field {@code field}. */
    public <S> Uni<List<S>> listing(EntityType<S, ?> type, String field, String value) {
        return pool.preparedQuery("select state::text from entity_replica where entity_type = $1 "
                        + "and jsonb_exists(state -> $2, $3) order by entity_id").execute(Tuple.of(type.name(), field, value))
                .map(rows -> states(type, rows));
    }

    /** Every entity of {@code type} this service knows. */
    public <S> Uni<List<S>> all(EntityType<S, ?> type) {
        return pool.preparedQuery("select state::text from entity_replica where entity_type = $1 order by entity_id")
                .execute(Tuple.of(type.name())).map(rows -> states(type, rows));
    }

    private static <S> List<S> states(EntityType<S, ?> type, RowSet<Row> rows) {
        List<S> states = new ArrayList<>(rows.size());
        rows.forEach(row -> states.add(state(type, row.getString(0))));
        return states;
    }

    /** Folds {@code event} (version {@code version} of its stream) into the replica; answers the state before it. */
    public <S, E> Uni<S> apply(Transaction transaction, EntityType<S, E> type, String id, E event, long version) {
        return transaction.query("select state::text from entity_replica where entity_type = $1 and entity_id = $2 "
                + "for update", type.name(), id).flatMap(rows -> {
            S before = rows.isEmpty() ? type.initial() : state(type, (String) rows.getFirst()[0]);
            S after = type.evolve().apply(before, event);
            return transaction.update("insert into entity_replica (entity_type, entity_id, state, version) "
                            + "values ($1, $2, ($3::text)::jsonb, $4) on conflict (entity_type, entity_id) do update set "
                            + "state = excluded.state, version = excluded.version", type.name(), id,
                    type.writeState(after), version).replaceWith(before);
        });
    }

    @SuppressWarnings("unchecked")
    private static <S> S state(EntityType<S, ?> type, String json) {
        return (S) type.readState(json);
    }
}

package io.aimsledger.eventstore.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.decider.Rejection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** The answers to requests sent with an {@code Idempotency-Key}, per acting user. */
@ApplicationScoped
public class IdempotencyStore {

    /** A remembered answer and the hash of the request that got it. */
    public record Stored(String requestHash, CommandResponse response) {
    }

    public Uni<Stored> find(SqlClient client, String actor, String key) {
        return client.preparedQuery("select request_hash, status, etag, location, body from idempotency_record "
                        + "where actor = $1 and idempotency_key = $2")
                .execute(Tuple.of(actor, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new Stored(row.getString("request_hash"), new CommandResponse(row.getInteger("status"),
                            Long.parseLong(row.getString("etag")), row.getString("location"), row.getString("body"), true));
                });
    }

    public Uni<Void> remember(SqlClient client, String actor, IdempotencyKey key, CommandResponse response) {
        return client.preparedQuery("insert into idempotency_record (actor, idempotency_key, request_hash, status, etag, "
                        + "location, body) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] {actor, key.key(), key.requestHash(), response.status(),
                        Long.toString(response.version()), response.location(), response.body()}))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> Rejection.conflict("idempotency.in-progress",
                        "Another request with this Idempotency-Key is being processed; retry it."))
                .replaceWithVoid();
    }
}

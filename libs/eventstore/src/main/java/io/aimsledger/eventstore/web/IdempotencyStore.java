package io.aimsledger.eventstore.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.tx.SqlErrors;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;

/** The answers to requests sent with an {@code Idempotency-Key}, per acting user. */
@ApplicationScoped
public class IdempotencyStore {

    /** A remembered answer and the hash of the request that got it. */
    public record Stored(String requestHash, CommandResponse response) {
    }

    public Uni<Stored> find(Transaction transaction, String actor, String key) {
        return transaction.query("select request_hash, status, etag, location, body from idempotency_record "
                        + "where actor = $1 and idempotency_key = $2", actor, key)
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.getFirst();
                    return new Stored((String) row[0], new CommandResponse((Integer) row[1],
                            Long.parseLong((String) row[2]), (String) row[3], (String) row[4], true));
                });
    }

    public Uni<Void> remember(Transaction transaction, String actor, IdempotencyKey key, CommandResponse response) {
        return transaction.update("insert into idempotency_record (actor, idempotency_key, request_hash, status, etag, "
                                + "location, body) values ($1, $2, $3, $4, $5, $6::text, $7)", actor, key.key(),
                        key.requestHash(), response.status(), Long.toString(response.version()), response.location(),
                        response.body())
                .onFailure(SqlErrors::isUniqueViolation)
                .transform(e -> Rejection.conflict("idempotency.in-progress",
                        "Another request with this Idempotency-Key is being processed; retry it."))
                .replaceWithVoid();
    }
}

package io.aimsledger.eventstore.tx;

import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Runs work in a transaction of its own: committed if the work succeeds, rolled back if it fails. */
public interface Transactions {

    <R> Uni<R> inTransaction(Function<Transaction, Uni<R>> work);

    /** Transactions on plain connections of {@code pool}, for code with no entities (the store's own tests). */
    static Transactions on(Pool pool) {
        return new Transactions() {
            @Override
            public <R> Uni<R> inTransaction(Function<Transaction, Uni<R>> work) {
                return pool.withTransaction(connection -> work.apply(new ConnectionTransaction(connection)));
            }
        };
    }
}

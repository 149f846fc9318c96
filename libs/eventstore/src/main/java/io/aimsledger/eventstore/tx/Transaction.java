package io.aimsledger.eventstore.tx;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * One open database transaction, whatever client holds it: the event store, the inbox and the
 * idempotency store run their SQL through it, and a read model writes its entities on
 * {@link #session()}, so all of a command's writes commit or roll back together. Statements use
 * PostgreSQL's {@code $1, $2, ...} parameters; a row comes back as its column values in select order
 * ({@code bigint} as Long, {@code int} as Integer, {@code uuid} as UUID, {@code timestamptz} as
 * OffsetDateTime, {@code text} as String).
 */
public interface Transaction {

    Uni<List<Object[]>> query(String sql, Object... parameters);

    /** Runs a statement that returns no rows; answers how many rows it changed. */
    Uni<Integer> update(String sql, Object... parameters);

    /** The Hibernate Reactive session this transaction runs on, for read models mapped as entities. */
    Mutiny.StatelessSession session();
}

package io.aimsledger.eventstore.tx;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A transaction on a plain reactive connection (or single statements on a pool): SQL only, no entities. */
public final class ConnectionTransaction implements Transaction {

    private final SqlClient client;

    public ConnectionTransaction(SqlClient client) {
        this.client = client;
    }

    @Override
    public Uni<List<Object[]>> query(String sql, Object... parameters) {
        return client.preparedQuery(sql).execute(Tuple.from(parameters)).map(rowSet -> {
            List<Object[]> rows = new ArrayList<>(rowSet.size());
            for (Row row : rowSet) {
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getValue(i);
                }
                rows.add(values);
            }
            return rows;
        });
    }

    @Override
    public Uni<Integer> update(String sql, Object... parameters) {
        return client.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> rows.rowCount());
    }

    @Override
    public Mutiny.StatelessSession session() {
        throw new IllegalStateException("a plain connection's transaction has no Hibernate Reactive session");
    }
}

package io.aimsledger.eventstore.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** A transaction held by a Hibernate Reactive stateless session; SQL runs as native queries on it. */
final class SessionTransaction implements Transaction {

    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final Map<String, String> ORDINAL_SQL = new ConcurrentHashMap<>();

    private final Mutiny.StatelessSession session;

    SessionTransaction(Mutiny.StatelessSession session) {
        this.session = session;
    }

    @Override
    public Uni<List<Object[]>> query(String sql, Object... parameters) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(ordinal(sql), Object[].class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList().map(SessionTransaction::asRows);
    }

    @Override
    public Uni<Integer> update(String sql, Object... parameters) {
        Mutiny.Query<Object> statement = session.createNativeQuery(ordinal(sql));
        for (int i = 0; i < parameters.length; i++) {
            statement.setParameter(i + 1, parameters[i]);
        }
        return statement.executeUpdate();
    }

    @Override
    public Mutiny.StatelessSession session() {
        return session;
    }

    /**
     * Hibernate binds JPA's {@code ?1}; the statements are written with PostgreSQL's {@code $1}. A cast
     * right after it ({@code $1::text}) is set apart, as Hibernate would read {@code 1::text} as the label.
     */
    private static String ordinal(String sql) {
        return ORDINAL_SQL.computeIfAbsent(sql, s -> NUMBERED_PARAMETER.matcher(s).replaceAll("?$1 "));
    }

    // A one-column select comes back as bare values even when arrays are asked for.
    private static List<Object[]> asRows(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object result : results) {
            rows.add(result instanceof Object[] row ? row : new Object[] {result});
        }
        return rows;
    }
}

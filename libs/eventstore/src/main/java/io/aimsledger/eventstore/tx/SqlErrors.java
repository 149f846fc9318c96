package io.aimsledger.eventstore.tx;

import java.sql.SQLException;

import io.vertx.pgclient.PgException;

/** What a failed statement meant, whichever client ran it (Hibernate wraps the driver's exception). */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** The SQLSTATE of the first exception in the chain that has one, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (e instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
        }
        return null;
    }
}

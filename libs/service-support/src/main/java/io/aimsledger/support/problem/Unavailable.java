package io.aimsledger.support.problem;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

/**
 * Whether a failure means that something the service depends on (its database, most often) cannot be
 * reached or is shutting down: a condition that passes, answered 503 with {@code Retry-After}, not a 500.
 */
final class Unavailable {

    /** Thrown by Vert.x when a pool or a request waited too long, or a connection closed under it. */
    private static final Set<String> CLASS_NAMES = Set.of("io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.sqlclient.ClosedConnectionException", "io.vertx.core.http.ConnectionPoolTooBusyException");

    private Unavailable() {
    }

    static boolean is(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ConnectException || e instanceof SocketException || e instanceof ClosedChannelException || e instanceof TimeoutException
                    || CLASS_NAMES.contains(e.getClass().getName()) || unavailableState(sqlState(e))) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        if (e instanceof PgException pg) {
            return pg.getSqlState();
        }
        return e instanceof SQLException sql ? sql.getSQLState() : null;
    }

    /** Connection exceptions (08), insufficient resources (53), operator intervention such as a shutdown (57P). */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}

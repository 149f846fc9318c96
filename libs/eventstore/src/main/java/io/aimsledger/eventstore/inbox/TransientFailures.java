package io.aimsledger.eventstore.inbox;

import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;

import io.aimsledger.eventstore.tx.SqlErrors;

/**
 * Whether a failure to apply a record may pass by itself (the database or the broker is away, busy,
 * restarting; a deadlock or serialization failure): such a record is retried until it applies. Anything
 * else says something about the record or the code, and retrying it forever would stall its partition.
 */
final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention, system error. */
    private static final String[] TRANSIENT_SQL_CLASSES = {"08", "40", "53", "57", "58"};

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        String sqlState = SqlErrors.sqlState(failure);
        if (sqlState != null) {
            return transientState(sqlState);
        }
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || e instanceof IOException
                    || e instanceof TimeoutException || e instanceof RetriableException
                    || e instanceof io.smallrye.mutiny.TimeoutException
                    || e.getClass().getName().equals("io.vertx.sqlclient.ClosedConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String sqlState) {
        for (String prefix : TRANSIENT_SQL_CLASSES) {
            if (sqlState.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

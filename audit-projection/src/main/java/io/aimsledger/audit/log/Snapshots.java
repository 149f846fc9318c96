package io.aimsledger.audit.log;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Long reads over the log (verification, exports) see one consistent snapshot and change nothing. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Connection open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }
}

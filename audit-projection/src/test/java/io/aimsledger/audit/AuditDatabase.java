package io.aimsledger.audit;

import java.sql.Connection;
import java.sql.SQLException;

import io.aimsledger.testkit.TestServers;

/** Statements on a test's own audit database as the superuser, the one who can tamper with what the service cannot. */
public record AuditDatabase(String name) {

    public long count(String sql) throws SQLException {
        try (Connection connection = TestServers.postgres().connect(name); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = TestServers.postgres().connect(name); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** With the append-only triggers off, as a superuser who tampers would. */
    public void executeWithoutTriggers(String sql) throws SQLException {
        try (Connection connection = TestServers.postgres().connect(name); var statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute(sql);
        }
    }
}

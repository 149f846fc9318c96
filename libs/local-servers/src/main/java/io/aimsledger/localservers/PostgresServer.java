package io.aimsledger.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries that Maven resolves. It is started with the
 * durable settings of production (fsync and synchronous commit on), so what tests prove about
 * commits holds in production too, and, like production, it takes no connection without a password:
 * every start sets the superuser's password and makes every entry of {@code pg_hba.conf} SCRAM
 * (initdb's trust lasts only until the first start has done so).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static final String SCRAM_ONLY = """
            # Written by AIMS Ledger at every start: a password (SCRAM) for every connection.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String password;

    private PostgresServer(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    /** A server another owner started and stops; closing this handle leaves it running. */
    public static PostgresServer attach(int port, String superuserPassword) {
        return new PostgresServer(null, port, superuserPassword);
    }

    /** A throw-away server on a random port, its data deleted when it stops, with a new superuser password. */
    public static PostgresServer startEphemeral() {
        return start(EmbeddedPostgres.builder().setCleanDataDirectory(true), LocalCredentials.generate());
    }

    /** A server whose data lives in {@code dataDirectory} and survives restarts. */
    public static PostgresServer startPersistent(Path dataDirectory, int port, String superuserPassword) {
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port), superuserPassword);
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder, String password) {
        try {
            EmbeddedPostgres started = builder
                    .setConnectConfig("password", password)
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            var server = new PostgresServer(started, started.getPort(), password);
            server.requirePasswords();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private void requirePasswords() {
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + USER + " password '" + password + "'");
            String hbaFile;
            try (var rows = s.executeQuery("show hba_file")) {
                rows.next();
                hbaFile = rows.getString(1);
            }
            Files.writeString(Path.of(hbaFile), SCRAM_ONLY);
            s.execute("select pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not require passwords of PostgreSQL", e);
        }
    }

    /** The superuser's password. */
    public String password() {
        return password;
    }

    /** A login role with this password (created, or its password set), and nothing more. */
    public void ensureLoginRole(String role, String rolePassword) {
        requirePlainName(role);
        try (Connection c = connect("postgres");
             var exists = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            boolean present = exists.executeQuery().next();
            try (var s = c.createStatement()) {
                s.execute("set password_encryption = 'scram-sha-256'");
                s.execute((present ? "alter" : "create") + " role " + role + " login password '"
                        + rolePassword.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + role, e);
        }
    }

    /**
     * Lets {@code role} read and write the rows of every table of {@code database}'s public schema,
     * those there now and those the superuser's migrations create later, and nothing else: no DDL,
     * no TRUNCATE, no other database.
     */
    public void grantRowAccess(String database, String role) {
        requirePlainName(database);
        requirePlainName(role);
        try (Connection c = connect(database); var s = c.createStatement()) {
            s.execute("grant connect, temporary on database " + database + " to " + role);
            s.execute("grant usage on schema public to " + role);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + role);
            s.execute("grant usage, select on all sequences in schema public to " + role);
            s.execute("alter default privileges for role " + USER + " in schema public "
                    + "grant select, insert, update, delete on tables to " + role);
            s.execute("alter default privileges for role " + USER + " in schema public "
                    + "grant usage, select on sequences to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant " + role + " access to " + database, e);
        }
    }

    private static void requirePlainName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain name: " + name);
        }
    }

    public int port() {
        return port;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        requirePlainName(name);
        try (Connection c = connect("postgres");
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.aimsledger.eventstore.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import io.aimsledger.localservers.PostgresServer;
import io.aimsledger.testkit.TestServers;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A fresh database on the test JVM's real PostgreSQL (fsync on), migrated with the library's own
 * Flyway scripts, with the two ways services reach it: a reactive pool and a JDBC data source.
 */
public final class EventStoreDatabase implements AutoCloseable {

    private final String name;
    private final Vertx vertx;
    private final Pool pool;
    private final PGSimpleDataSource dataSource;

    private EventStoreDatabase(String name, Vertx vertx, Pool pool, PGSimpleDataSource dataSource) {
        this.name = name;
        this.vertx = vertx;
        this.pool = pool;
        this.dataSource = dataSource;
    }

    static {
        // SmallRye Context Propagation (on the classpath with SmallRye Reactive Messaging) registers itself
        // the first time Mutiny asks for it; two threads asking at once (the tests' writers) made one
        // fail with "ContextManagerProvider already set". Once, here, before any test starts threads.
        org.eclipse.microprofile.context.spi.ContextManagerProvider.instance();
    }

    public static EventStoreDatabase create(String prefix) {
        PostgresServer postgres = TestServers.postgres();
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        postgres.createDatabase(name);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl(name));
        dataSource.setUser(PostgresServer.USER);
        dataSource.setPassword(postgres.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore").load().migrate();
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(16))
                .connectingTo(new PgConnectOptions().setPort(postgres.port()).setHost("localhost")
                        .setDatabase(name).setUser(PostgresServer.USER).setPassword(postgres.password()))
                .using(vertx)
                .build();
        return new EventStoreDatabase(name, vertx, pool, dataSource);
    }

    public String name() {
        return name;
    }

    public Pool pool() {
        return pool;
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public long count(String sql) {
        try (var connection = connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }
}

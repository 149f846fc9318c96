package io.aimsledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Stage 1: what the platform's PostgreSQL can do at all. Single-row INSERT transactions (autocommit,
 * prepared, as pgbench -M prepared) into a table shaped like the event store's, at the same concurrency.
 */
final class PostgresCeiling {

    private static final String DATABASE = "bench_ceiling";

    private PostgresCeiling() {
    }

    /** The same, with the event store's statement trigger that NOTIFYs the outbox relay at commit. */
    static Load.Outcome measureWithNotify(LaunchedPlatform platform, BenchOptions options) throws Exception {
        try (Connection c = platform.connect(DATABASE); var s = c.createStatement()) {
            s.execute("create function events_notify() returns trigger language plpgsql as $$ "
                    + "begin perform pg_notify('bench_events', ''); return null; end $$");
            s.execute("create trigger events_appended after insert on events for each statement "
                    + "execute function events_notify()");
        }
        return insertLoad(platform, options);
    }

    static Load.Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        platform.createDatabase(DATABASE);
        try (Connection c = platform.connect(DATABASE); var s = c.createStatement()) {
            s.execute("""
                    create table events (
                        seq         bigint generated always as identity primary key,
                        stream_id   uuid        not null,
                        version     integer     not null,
                        type        text        not null,
                        payload     jsonb       not null,
                        recorded_at timestamptz not null default now(),
                        unique (stream_id, version))
                    """);
            var settings = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')");
            settings.next();
            if (!"on".equals(settings.getString(1)) || !"on".equals(settings.getString(2))) {
                throw new IllegalStateException("PostgreSQL is not durable: fsync=" + settings.getString(1)
                        + ", synchronous_commit=" + settings.getString(2));
            }
        }
        return insertLoad(platform, options);
    }

    private static Load.Outcome insertLoad(LaunchedPlatform platform, BenchOptions options) throws Exception {
        String payload = Events.samplePayload();
        return Load.run(options.concurrency(), options.warmUp(), options.measure(), () -> {
            Connection connection = platform.connect(DATABASE + "?prepareThreshold=1");
            PreparedStatement insert = connection.prepareStatement(
                    "insert into events (stream_id, version, type, payload) values (?, 1, 'bench', ?::jsonb)");
            return () -> {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, payload);
                insert.executeUpdate();
            };
        });
    }
}

package io.aimsledger.bench;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database side of a profile: while a stage runs, samples every 20 ms what the sessions of one
 * database are doing (pg_stat_activity's wait events; "CPU" when active and not waiting).
 */
final class WaitSampler implements AutoCloseable {

    private final Map<String, Long> counts = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;

    WaitSampler(LaunchedPlatform platform, String database) {
        thread = Thread.ofPlatform().daemon().start(() -> {
            try (Connection c = platform.connect("postgres"); var query = c.prepareStatement("""
                    select coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*) from pg_stat_activity
                    where datname = ? and state = 'active' and pid <> pg_backend_pid() group by 1""")) {
                query.setString(1, database);
                while (running.get()) {
                    try (var rows = query.executeQuery()) {
                        synchronized (counts) {
                            samples++;
                            while (rows.next()) {
                                counts.merge(rows.getString(1), rows.getLong(2), Long::sum);
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                System.err.println("[bench] wait sampling stopped: " + e);
            }
        });
    }

    /** Average number of sessions in each state, most frequent first. */
    Map<String, Double> averageSessions() {
        synchronized (counts) {
            Map<String, Double> out = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.put(e.getKey(), Math.round(100.0 * e.getValue() / Math.max(1, samples)) / 100.0));
            return out;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}

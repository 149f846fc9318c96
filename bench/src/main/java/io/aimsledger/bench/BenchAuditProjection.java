package io.aimsledger.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A second audit projection, started by the harness exactly as the launcher starts the platform's
 * (same jar, same JVM options), but with its own database, consumer group and topic: it ingests the
 * pre-loaded events and answers stages 5 and 6. It starts with a flight recording of its ingest.
 */
final class BenchAuditProjection implements AutoCloseable {

    static final int PORT = 28090;
    static final String DATABASE = "audit_bench";
    static final String RECORDING = "ingest";

    private final ServiceInstance instance;
    private final LaunchedPlatform platform;

    private BenchAuditProjection(ServiceInstance instance, LaunchedPlatform platform) {
        this.instance = instance;
        this.platform = platform;
    }

    static BenchAuditProjection start(LaunchedPlatform platform, Path work) throws IOException, SQLException {
        platform.createDatabase(DATABASE);
        Files.createDirectories(work);
        return new BenchAuditProjection(ServiceInstance.start(platform, "audit-projection", DATABASE, "aims_audit_app",
                PORT, Map.of("AIMS_AUDIT_SIGNING_KEY_FILE", work.resolve("audit-signing-key.pem").toString(),
                        "AIMS_AUDIT_SIGNING_KEY_CREATE_IF_MISSING", "true",
                        "AIMS_AUDIT_TOPIC_PATTERN", IngestTopic.TOPIC.replace(".", "[.]"),
                        "AIMS_AUDIT_CONSUMER_GROUP", "bench-audit-ingest"),
                List.of("-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile"), work), platform);
    }

    URI uri(String path) {
        return instance.uri(path);
    }

    long pid() {
        return instance.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        instance.awaitReady(timeout);
    }

    /** Entries in its log (the tree size, which grows with every append). */
    long logged() throws SQLException {
        try (Connection c = platform.connect(DATABASE); var s = c.createStatement();
             var rows = s.executeQuery("select size from merkle_tree")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Entries per second between the first and the last entry's recording time. */
    double ingestRate() throws SQLException {
        try (Connection c = platform.connect(DATABASE); var s = c.createStatement();
             var rows = s.executeQuery("select count(*), extract(epoch from max(recorded_at) - min(recorded_at)) "
                     + "from audit_log")) {
            rows.next();
            return (rows.getLong(1) - 1) / rows.getDouble(2);
        }
    }

    /** Some logged event ids, spread over the log, for proof questions. */
    List<String> eventIds(int count) throws SQLException {
        try (Connection c = platform.connect(DATABASE); var s = c.createStatement();
             var rows = s.executeQuery("select event_id from audit_log tablesample system (1) limit " + count)) {
            List<String> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** Ends the ingest recording and writes it to {@code file}. */
    void dumpRecording(Path file) throws IOException, InterruptedException {
        Profiles.stop(instance.pid(), RECORDING, file);
    }

    @Override
    public void close() throws InterruptedException {
        instance.close();
    }
}

package io.aimsledger.audit.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.localservers.PostgresServer;
import io.aimsledger.testkit.TestServers;

/**
 * An export of a log and a state far larger than the heap of the JVM that writes it (about 330 MB of
 * entries and 100 MB of state through 64 MB): it completes, whole, because it is written as it is read.
 */
class BoundedMemoryExportTest {

    private static final int ENTRIES = 200_000;
    private static final int ENTITIES = 100_000;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path folder;

    @Test
    void anExportFarLargerThanTheHeapIsWrittenWhole() throws Exception {
        PostgresServer postgres = TestServers.postgres();
        String database = "export_memory_" + UUID.randomUUID().toString().substring(0, 8);
        postgres.createDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), PostgresServer.USER, postgres.password())
                .locations("classpath:db/eventstore", "classpath:db/migration")
                .placeholders(Map.of("audit_app_password", UUID.randomUUID().toString())).load().migrate();
        try (Connection c = postgres.connect(database); var s = c.createStatement()) {
            s.execute("""
                    insert into audit_log (event_id, source, type, subject, occurred_at, actor, topic, kafka_partition,
                                           kafka_offset, cloud_event)
                    select 'e' || g, '/test', 'io.aimsledger.test.v1', 's' || g, now(), 'alice', 't', 0, g,
                           '{"specversion":"1.0","id":"e' || g || '","type":"io.aimsledger.test.v1","source":"/test",'
                           || '"data":{"text":"' || repeat(md5(g::text), 50) || '"}}'
                    from generate_series(1, %d) g""".formatted(ENTRIES));
            s.execute("insert into merkle_leaf (leaf_index, seq) select seq - 1, seq from audit_log");
            s.execute("insert into merkle_node (level, node_index, hash) select 0, seq - 1, sha256(event_id::bytea) "
                    + "from audit_log");
            s.execute("""
                    insert into entity_version (entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to,
                                                event_seq, event_id, event_type, ended, state, fold, stream_version,
                                                created_at)
                    select 'ai-system', 'system-' || g, now() - interval '1 day', null, now() - interval '1 day', null, 0,
                           'e' || g, 't', false, jsonb_build_object('id', 'system-' || g, 'name',
                           repeat(md5(g::text), 30)), '{}', 1, now() - interval '1 day'
                    from generate_series(1, %d) g""".formatted(ENTITIES));
        }

        Path zip = folder.resolve("export.zip");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process export = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                ExportInASmallHeap.class.getName(), postgres.jdbcUrl(database), PostgresServer.USER, postgres.password(),
                Long.toString(ENTRIES), zip.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("export.log").toFile()).start();
        assertThat(export.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(export.exitValue()).as(Files.readString(folder.resolve("export.log"))).isZero();

        try (var archive = new ZipFile(zip.toFile())) {
            assertThat(archive.getEntry("manifest.json")).as("written last, so the export is whole").isNotNull();
            long entries;
            try (var lines = new BufferedReader(new InputStreamReader(
                    archive.getInputStream(archive.getEntry("log/entries.jsonl")), StandardCharsets.UTF_8))) {
                entries = lines.lines().count();
            }
            assertThat(entries).isEqualTo(ENTRIES);
            assertThat(entities(archive)).isEqualTo(ENTITIES);
        }
    }

    /** The entities of state.json's aiSystems, counted as they stream by. */
    private static long entities(ZipFile archive) throws Exception {
        try (var parser = new ObjectMapper().getFactory().createParser(archive.getInputStream(archive.getEntry("state.json")))) {
            long count = 0;
            int depth = 0;
            boolean inSystems = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && depth == 1) {
                    inSystems = "aiSystems".equals(parser.currentName());
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (inSystems && depth == 2 && token == JsonToken.START_OBJECT) {
                        count++;
                    }
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            return count;
        }
    }
}

package io.aimsledger.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stage 1, command-shaped: the exact statements one registration with an {@code Idempotency-Key} runs,
 * as raw SQL in one transaction per command (JDBC, prepared), on the event store's and the inventory
 * read model's own schema (their migration files, run here): look the key up, read the stream, append
 * the event, upsert the read model row, remember the answer. What the HTTP path adds on top of this
 * is the platform's own cost.
 */
final class CommandCeiling {

    private static final String DATABASE = "bench_command_ceiling";
    private static final List<String> MIGRATIONS = List.of("libs/eventstore/src/main/resources/db/eventstore",
            "inventory-service/src/main/resources/db/migration");

    private CommandCeiling() {
    }

    static Load.Outcome measure(LaunchedPlatform platform, BenchOptions options) throws Exception {
        platform.createDatabase(DATABASE);
        try (Connection c = platform.connect(DATABASE)) {
            Migrations.run(c, options.repository(), MIGRATIONS, Map.of());
        }
        String payload = Events.samplePayload();
        String view = Events.registration(0);
        return Load.run(options.concurrency(), options.warmUp(), options.measure(), () -> {
            Connection connection = platform.connect(DATABASE + "?prepareThreshold=1");
            connection.setAutoCommit(false);
            PreparedStatement findKey = connection.prepareStatement(
                    "select request_hash, status, etag, location, body from idempotency_record "
                            + "where actor = ? and idempotency_key = ?");
            PreparedStatement readStream = connection.prepareStatement(
                    "select global_position, stream_id, stream_type, stream_version, event_id, event_type, "
                            + "schema_version, occurred_at, recorded_at, actor, correlation_id, causation_id, "
                            + "traceparent, payload::text from event_store where stream_id = ? order by stream_version");
            PreparedStatement append = connection.prepareStatement("""
                    insert into event_store (stream_id, stream_type, stream_version, event_id, event_type, schema_version,
                                             occurred_at, actor, correlation_id, causation_id, traceparent, payload)
                    select ?, 'ai-system', 1, ?, 'io.aimsledger.inventory.ai-system-registered.v1', 1, ?, 'alice', ?,
                           null, null, ?::jsonb
                    where (select coalesce(max(stream_version), 0) from event_store where stream_id = ?) = 0
                    """);
            PreparedStatement upsert = connection.prepareStatement("""
                    insert into ai_system (id, name, description, purpose, owner, business_unit, organization_role,
                                           ai_technique, deployment_context, human_oversight, affected_stakeholders,
                                           vendor, lifecycle_stage, eu_ai_act_risk_class, classification_rationale,
                                           status, components, external_ref, version, created_at, updated_at)
                    values (?, 'Bench system', 'Benchmark AI system', 'Score loan applications', 'alice',
                            'Retail lending', 'DEPLOYER', null, 'EU retail customers', null, '{}', null, 'INCEPTION',
                            'UNCLASSIFIED', null, 'ACTIVE', '{"models":[],"datasets":[]}', null, 1, ?, ?)
                    on conflict (id) do update set name = excluded.name, description = excluded.description,
                        purpose = excluded.purpose, owner = excluded.owner, business_unit = excluded.business_unit,
                        organization_role = excluded.organization_role, ai_technique = excluded.ai_technique,
                        deployment_context = excluded.deployment_context, human_oversight = excluded.human_oversight,
                        affected_stakeholders = excluded.affected_stakeholders, vendor = excluded.vendor,
                        lifecycle_stage = excluded.lifecycle_stage, eu_ai_act_risk_class = excluded.eu_ai_act_risk_class,
                        classification_rationale = excluded.classification_rationale, status = excluded.status,
                        components = excluded.components, external_ref = excluded.external_ref,
                        version = excluded.version, created_at = excluded.created_at, updated_at = excluded.updated_at
                    """);
            PreparedStatement remember = connection.prepareStatement(
                    "insert into idempotency_record (actor, idempotency_key, request_hash, status, etag, location, body) "
                            + "values ('alice', ?, 'hash', 201, '1', ?, ?)");
            return () -> {
                UUID id = UUID.randomUUID();
                String key = "bench-" + id;
                Timestamp now = Timestamp.from(Instant.now());
                findKey.setString(1, "alice");
                findKey.setString(2, key);
                findKey.executeQuery().close();
                readStream.setString(1, id.toString());
                readStream.executeQuery().close();
                append.setString(1, id.toString());
                append.setObject(2, UUID.randomUUID());
                append.setTimestamp(3, now);
                append.setString(4, key);
                append.setString(5, payload);
                append.setString(6, id.toString());
                append.executeUpdate();
                upsert.setObject(1, id);
                upsert.setTimestamp(2, now);
                upsert.setTimestamp(3, now);
                upsert.executeUpdate();
                remember.setString(1, key);
                remember.setString(2, "/api/v1/ai-systems/" + id);
                remember.setString(3, view);
                remember.executeUpdate();
                connection.commit();
            };
        });
    }
}

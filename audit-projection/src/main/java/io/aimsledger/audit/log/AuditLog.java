package io.aimsledger.audit.log;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The append-only audit log: appends what arrives (once per event id) and reads the trail back. */
@ApplicationScoped
public class AuditLog {

    private static final String APPEND = """
            insert into audit_log (event_id, source, type, subject, occurred_at, actor, correlation_id, topic,
                                   kafka_partition, kafka_offset, cloud_event)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (event_id) do nothing
            returning seq, recorded_at
            """;
    private static final String COLUMNS = "seq, event_id, source, type, subject, occurred_at, recorded_at, actor, "
            + "correlation_id, cloud_event";

    /** Where a new entry landed: its sequence number and when the log recorded it. */
    public record Appended(long seq, java.time.Instant recordedAt) {
    }

    /** Appends the event unless its id is already in the log; null when it was there already. */
    public Uni<Appended> append(SqlClient client, ConsumerRecord<String, byte[]> record, CloudEvent event) {
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        OffsetDateTime occurredAt = envelope.time() == null ? null : OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC);
        return client.preparedQuery(APPEND)
                .execute(Tuple.from(new Object[] {event.getId(), envelope.source(), envelope.type(), envelope.subject(),
                        occurredAt, envelope.actor(), envelope.correlationId(), record.topic(), record.partition(),
                        record.offset(), new String(record.value(), StandardCharsets.UTF_8)}))
                .map(rows -> rows.size() == 0 ? null : new Appended(rows.iterator().next().getLong("seq"),
                        rows.iterator().next().getOffsetDateTime("recorded_at").toInstant()));
    }

    public Uni<List<AuditEntry>> trail(SqlClient client, TrailQuery query) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        condition(where, args, "subject = $%d", query.subject());
        condition(where, args, "type = $%d", query.type());
        condition(where, args, "actor = $%d", query.actor());
        condition(where, args, "occurred_at >= $%d", at(query.from()));
        condition(where, args, "occurred_at < $%d", at(query.to()));
        condition(where, args, "seq > $%d", query.afterSeq());
        args.add(query.limit());
        String sql = "select " + COLUMNS + " from audit_log"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by seq limit $" + args.size();
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<AuditEntry> entries = new ArrayList<>();
            rows.forEach(row -> entries.add(toEntry(row)));
            return entries;
        });
    }

    private static OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void condition(List<String> where, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            where.add(clause.formatted(args.size()));
        }
    }

    private static AuditEntry toEntry(Row row) {
        OffsetDateTime occurred = row.getOffsetDateTime("occurred_at");
        return new AuditEntry(row.getLong("seq"), row.getString("event_id"), row.getString("source"),
                row.getString("type"), row.getString("subject"), occurred == null ? null : occurred.toInstant(),
                row.getOffsetDateTime("recorded_at").toInstant(), row.getString("actor"),
                row.getString("correlation_id"), row.getString("cloud_event"));
    }
}

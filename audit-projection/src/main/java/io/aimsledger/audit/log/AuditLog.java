package io.aimsledger.audit.log;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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

    // Rows are numbered in the order given (ordinality); an event id already logged adds nothing.
    private static final String APPEND = """
            insert into audit_log (event_id, source, type, subject, occurred_at, actor, correlation_id, topic,
                                   kafka_partition, kafka_offset, cloud_event)
            select event_id, source, type, subject, occurred_at, actor, correlation_id, topic, kafka_partition,
                   kafka_offset, cloud_event
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                        $8::text[], $9::int[], $10::bigint[], $11::text[]) with ordinality
                 as received(event_id, source, type, subject, occurred_at, actor, correlation_id, topic,
                             kafka_partition, kafka_offset, cloud_event, position)
            order by position
            on conflict (event_id) do nothing
            returning seq, event_id, recorded_at
            """;
    private static final String COLUMNS = "seq, event_id, source, type, subject, occurred_at, recorded_at, actor, "
            + "correlation_id, cloud_event";

    /** An event as it arrived: where it was read from, its bytes, and the CloudEvent they hold. */
    public record Received(String topic, int partition, long offset, byte[] value, CloudEvent event) {
    }

    /** Where a new entry landed: its sequence number and when the log recorded it. */
    public record Appended(long seq, java.time.Instant recordedAt) {
    }

    /**
     * Appends the events, in order, with one statement; answers where each landed, in the same order,
     * or null for an event whose id the log (or an earlier event of the list) already holds.
     */
    public Uni<List<Appended>> appendAll(SqlClient client, List<Received> received) {
        int size = received.size();
        String[] ids = new String[size], sources = new String[size], types = new String[size], subjects = new String[size],
                actors = new String[size], correlations = new String[size], topics = new String[size],
                events = new String[size];
        OffsetDateTime[] occurred = new OffsetDateTime[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        for (int i = 0; i < size; i++) {
            Received r = received.get(i);
            EventEnvelope envelope = CloudEventCodec.toEnvelope(r.event());
            ids[i] = r.event().getId();
            sources[i] = envelope.source();
            types[i] = envelope.type();
            subjects[i] = envelope.subject();
            occurred[i] = envelope.time() == null ? null : OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC);
            actors[i] = envelope.actor();
            correlations[i] = envelope.correlationId();
            topics[i] = r.topic();
            partitions[i] = r.partition();
            offsets[i] = r.offset();
            events[i] = new String(r.value(), StandardCharsets.UTF_8);
        }
        return client.preparedQuery(APPEND)
                .execute(Tuple.from(new Object[] {ids, sources, types, subjects, occurred, actors, correlations, topics,
                        partitions, offsets, events}))
                .map(rows -> {
                    Map<String, Appended> byId = new HashMap<>();
                    rows.forEach(row -> byId.put(row.getString("event_id"), new Appended(row.getLong("seq"),
                            row.getOffsetDateTime("recorded_at").toInstant())));
                    List<Appended> appended = new ArrayList<>(size);
                    for (String id : ids) {
                        appended.add(byId.remove(id));
                    }
                    return appended;
                });
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

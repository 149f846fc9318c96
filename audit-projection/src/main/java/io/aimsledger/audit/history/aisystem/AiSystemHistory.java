package io.aimsledger.audit.history.aisystem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Keeps {@code ai_system_version} in step with the log, and answers questions in both times. */
@ApplicationScoped
public class AiSystemHistory {

    private static final Logger LOG = Logger.getLogger(AiSystemHistory.class);
    private static final String EVENTS_OF = """
            select seq, event_id, type, occurred_at, cloud_event from audit_log
            where subject = $1 and type like 'io.aimsledger.inventory.%' and seq <= $2 order by occurred_at, seq
            """;
    private static final String TABLE = "ai_system_version";
    /** Where {@code derivedDifference} derives the versions again, to compare them with the table. */
    private static final String REDERIVED = "ai_system_version_rederived";
    private static final String CLOSE = """
            update %s set recorded_to = $2
            where ai_system_id = $1 and recorded_to is null and (valid_to is null or valid_to >= $3)
            """;
    private static final String INSERT = """
            insert into %s (ai_system_id, valid_from, valid_to, recorded_from, event_seq, event_id,
                                           event_type, state)
            values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)
            """;
    private static final String ROW = "ai_system_id, valid_from, valid_to, recorded_from, recorded_to, event_seq, event_id, "
            + "event_type, state";
    // Rows in one table and not the other, either way round: the first AI system whose history differs.
    private static final String FIRST_DIFFERENCE = "select min(ai_system_id::text) as id from ("
            + "(select " + ROW + " from " + TABLE + " except all select " + ROW + " from " + REDERIVED + ") union all "
            + "(select " + ROW + " from " + REDERIVED + " except all select " + ROW + " from " + TABLE + ")) differing";
    private static final String COLUMNS = "valid_from, valid_to, recorded_from, event_id, event_type, state::text";

    private final ObjectMapper json;

    public AiSystemHistory(ObjectMapper json) {
        this.json = json;
    }

    public static boolean concerns(String type) {
        return Contracts.INVENTORY_V1.equals(Contracts.REGISTRY.contractOfType(type).orElse(null));
    }

    /**
     * Folds the inventory event logged at {@code seq} into the versions, on the log's transaction: the
     * versions from its valid time on are closed as of {@code recordedAt} and written again, corrected
     * with every event of the system logged up to {@code seq}.
     */
    public Uni<Void> apply(SqlClient client, UUID aiSystemId, long seq, Instant occurredAt, Instant recordedAt) {
        return apply(client, TABLE, aiSystemId, seq, occurredAt, recordedAt);
    }

    private Uni<Void> apply(SqlClient client, String table, UUID aiSystemId, long seq, Instant occurredAt,
                            Instant recordedAt) {
        return client.preparedQuery(EVENTS_OF).execute(Tuple.of(aiSystemId.toString(), seq)).flatMap(rows -> {
            List<AiSystemTimeline.Change> changes = new ArrayList<>();
            rows.forEach(row -> change(row).ifPresent(changes::add));
            List<AiSystemTimeline.Version> affected = AiSystemTimeline.of(changes).stream()
                    .filter(v -> v.validTo() == null || !v.validTo().isBefore(occurredAt))
                    .toList();
            return client.preparedQuery(CLOSE.formatted(table)).execute(Tuple.of(aiSystemId, at(recordedAt), at(occurredAt)))
                    .flatMap(closed -> Multi.createFrom().iterable(affected)
                            .onItem().transformToUniAndConcatenate(v -> client.preparedQuery(INSERT.formatted(table)).execute(
                                    Tuple.from(new Object[] {aiSystemId, at(v.validFrom()), at(v.validTo()),
                                            at(recordedAt), v.cause().seq(), v.cause().eventId(),
                                            v.cause().eventType(), write(v.state())})))
                            .collect().last())
                    .replaceWithVoid();
        });
    }

    /**
     * Drops the versions and derives them again from the log, event by event in log order with the
     * times the log recorded: the same steps as when the events arrived, so the same answers. The
     * versions are append-only but for this: the rebuild is first recorded in {@code derived_rebuild},
     * without which the database refuses the delete.
     */
    public Uni<Long> rebuild(SqlConnection connection, String requestedBy) {
        return connection.query("lock table " + TABLE + " in exclusive mode").execute()
                .flatMap(locked -> connection.preparedQuery("insert into derived_rebuild (requested_by) values ($1)")
                        .execute(Tuple.of(requestedBy)))
                .flatMap(recorded -> connection.query("delete from " + TABLE).execute())
                .flatMap(deleted -> deriveAll(connection, TABLE));
    }

    /**
     * Derives every version again from the log into a temporary table, within the caller's transaction
     * (which should see one snapshot), and answers the first AI system whose versions differ from the
     * stored ones, or null when every one is as the log implies.
     */
    public Uni<String> derivedDifference(SqlConnection connection) {
        return connection.query("create temporary table " + REDERIVED + " (like " + TABLE + ") on commit drop").execute()
                .flatMap(created -> deriveAll(connection, REDERIVED))
                .flatMap(derived -> connection.query(FIRST_DIFFERENCE).execute())
                .map(rows -> rows.iterator().next().getString("id"));
    }

    private Uni<Long> deriveAll(SqlConnection connection, String table) {
        return connection.query("select seq, subject, occurred_at, recorded_at from audit_log "
                        + "where type like 'io.aimsledger.inventory.%' and occurred_at is not null order by seq").execute()
                .flatMap(rows -> {
                    List<Row> entries = new ArrayList<>();
                    rows.forEach(entries::add);
                    return Multi.createFrom().iterable(entries)
                            .onItem().transformToUniAndConcatenate(row -> aiSystemId(row.getString("subject"))
                                    .map(id -> apply(connection, table, id, row.getLong("seq"),
                                            instant(row, "occurred_at"), instant(row, "recorded_at")))
                                    .orElse(Uni.createFrom().voidItem()))
                            .collect().last()
                            .replaceWith((long) entries.size());
                });
    }

    private static Optional<UUID> aiSystemId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Uni<AiSystemView> asOf(SqlClient client, UUID id, Instant asOf, Instant knownAt) {
        return client.preparedQuery("select " + COLUMNS + " from ai_system_version where ai_system_id = $1 "
                        + "and tstzrange(valid_from, valid_to) @> $2::timestamptz "
                        + "and tstzrange(recorded_from, recorded_to) @> $3::timestamptz")
                .execute(Tuple.of(id, at(asOf), at(knownAt)))
                .map(rows -> rows.size() == 0 ? null : read(rows.iterator().next().getString("state")));
    }

    public Uni<List<AiSystemView>> allAsOf(SqlClient client, Instant asOf, Instant knownAt) {
        return client.preparedQuery("select " + COLUMNS + " from ai_system_version "
                        + "where tstzrange(valid_from, valid_to) @> $1::timestamptz "
                        + "and tstzrange(recorded_from, recorded_to) @> $2::timestamptz order by ai_system_id")
                .execute(Tuple.of(at(asOf), at(knownAt)))
                .map(rows -> {
                    List<AiSystemView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(read(row.getString("state"))));
                    return views;
                });
    }

    /** How one AI system differs between two instants, as known now. */
    public record Difference(UUID id, AiSystemView before, AiSystemView after, List<String> eventIds) {
    }

    private static final String DIFF = """
            select changed.id, b.state::text as before, a.state::text as after,
                   (select array_agg(l.event_id order by l.occurred_at, l.seq) from audit_log l
                     where l.subject = changed.id::text and l.type like 'io.aimsledger.inventory.%'
                       and l.occurred_at > $1 and l.occurred_at <= $2) as event_ids
            from (select distinct ai_system_id as id from ai_system_version
                  where recorded_to is null and valid_from > $1 and valid_from <= $2) changed
            left join ai_system_version b on b.ai_system_id = changed.id and b.recorded_to is null
                 and tstzrange(b.valid_from, b.valid_to) @> $1::timestamptz
            left join ai_system_version a on a.ai_system_id = changed.id and a.recorded_to is null
                 and tstzrange(a.valid_from, a.valid_to) @> $2::timestamptz
            order by changed.id
            """;

    /** The AI systems that changed in valid time within ({@code from}, {@code to}], as known now. */
    public Uni<List<Difference>> diff(SqlClient client, Instant from, Instant to) {
        return client.preparedQuery(DIFF).execute(Tuple.of(at(from), at(to))).map(rows -> {
            List<Difference> differences = new ArrayList<>();
            rows.forEach(row -> {
                String[] ids = row.getArrayOfStrings("event_ids");
                differences.add(new Difference(row.getUUID("id"), readOrNull(row.getString("before")),
                        readOrNull(row.getString("after")), ids == null ? List.of() : List.of(ids)));
            });
            return differences;
        });
    }

    private AiSystemView readOrNull(String text) {
        return text == null ? null : read(text);
    }

    /** The versions as known now, oldest first. */
    public Uni<List<HistoryEntry>> history(SqlClient client, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from ai_system_version where ai_system_id = $1 "
                        + "and recorded_to is null order by valid_from")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<HistoryEntry> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new HistoryEntry(instant(row, "valid_from"),
                            instant(row, "valid_to"), instant(row, "recorded_from"), row.getString("event_id"),
                            row.getString("event_type"), tree(row.getString("state")))));
                    return entries;
                });
    }

    /** {@code [{validFrom, validTo, recordedAt, eventId, eventType, state}]} of API.md. */
    public record HistoryEntry(Instant validFrom, Instant validTo, Instant recordedAt, String eventId,
                               String eventType, JsonNode state) {
    }

    /** The logged event as a change, or empty when its data is not the contract's (it stays in the log). */
    private Optional<AiSystemTimeline.Change> change(Row row) {
        JsonNode cloudEvent = tree(row.getString("cloud_event"));
        String type = row.getString("type");
        try {
            var event = (InventoryEvent) PayloadCodec.read(type,
                    cloudEvent.get("data").toString().getBytes(StandardCharsets.UTF_8));
            long version = cloudEvent.hasNonNull("streamversion") ? cloudEvent.get("streamversion").asLong() : 0;
            return Optional.of(new AiSystemTimeline.Change(row.getLong("seq"), row.getString("event_id"), type,
                    row.getOffsetDateTime("occurred_at").toInstant(), version, event));
        } catch (RuntimeException e) {
            LOG.warnf("Audit entry %d (%s) does not carry the contract's data; it is logged but not in the history: %s",
                    row.getLong("seq"), type, e.getMessage());
            return Optional.empty();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON document cannot be read", e);
        }
    }

    private AiSystemView read(String text) {
        try {
            return json.readValue(text, AiSystemView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored AI system version cannot be read", e);
        }
    }

    private String write(AiSystemView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.aimsledger.audit.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.PayloadCodec;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code entity_version} in step with the log for every entity type the contracts declare, and
 * answers questions in both times. Nothing here knows a particular type: each is folded with its own
 * {@link EntityType}.
 */
@ApplicationScoped
public class EntityHistory {

    private static final Logger LOG = Logger.getLogger(EntityHistory.class);
    private static final String EVENTS_OF = """
            select seq, event_id, type, occurred_at, cloud_event from audit_log
            where subject = $1 and type = any($2) and seq <= $3 order by occurred_at, seq
            """;
    private static final String TABLE = "entity_version";
    /** Where {@code derivedDifference} derives the versions again, to compare them with the table. */
    private static final String REDERIVED = "entity_version_rederived";
    private static final String CLOSE = """
            update %s set recorded_to = $3
            where entity_type = $1 and entity_id = $2 and recorded_to is null and (valid_to is null or valid_to >= $4)
            """;
    // The versions a change at $3 closes: the one that still holds, and one that ends exactly then.
    private static final String AFFECTED = """
            select valid_from, valid_to, event_seq, event_id, event_type, ended, state::text, fold::text, stream_version,
                   created_at
            from %s
            where entity_type = $1 and entity_id = $2 and recorded_to is null and (valid_to is null or valid_to >= $3)
            order by valid_from
            """;
    private static final String INSERT = """
            insert into %s (entity_type, entity_id, valid_from, valid_to, recorded_from, event_seq, event_id,
                            event_type, ended, state, fold, stream_version, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11::text::jsonb, $12, $13)
            """;
    private static final String ROW = "entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to, "
            + "event_seq, event_id, event_type, ended, state, fold, stream_version, created_at";
    // Rows in one table and not the other, either way round: the first entity whose history differs.
    private static final String FIRST_DIFFERENCE = "select min(entity_type || '/' || entity_id) as id from ("
            + "(select " + ROW + " from " + TABLE + " except all select " + ROW + " from " + REDERIVED + ") union all "
            + "(select " + ROW + " from " + REDERIVED + " except all select " + ROW + " from " + TABLE + ")) differing";
    private static final String COLUMNS = "valid_from, valid_to, recorded_from, event_id, event_type, state::text";

    private final ObjectMapper json;

    public EntityHistory(ObjectMapper json) {
        this.json = json;
    }

    /** The entity type a logged event is about, if any. */
    public static Optional<EntityType<?, ?>> typeOf(String eventType) {
        return Contracts.ENTITY_TYPES.ofEventType(eventType);
    }

    /**
     * Folds {@code change} (the event logged at its seq) into its entity's versions, on the log's
     * transaction. An event that takes effect at or after the entity's latest version evolves that
     * version's folded state: the version is closed in system time as of {@code recordedAt} and written
     * again ending where the new one begins. An earlier (late) event re-folds the entity's events from
     * its valid time on. Either way the versions it replaces are closed, never rewritten.
     */
    public Uni<Void> apply(SqlClient client, EntityType<?, ?> type, String entityId, Timeline.Change change,
                           Instant recordedAt) {
        return apply(client, TABLE, type, entityId, change, recordedAt);
    }

    private Uni<Void> apply(SqlClient client, String table, EntityType<?, ?> type, String entityId,
                            Timeline.Change change, Instant recordedAt) {
        return client.preparedQuery(AFFECTED.formatted(table))
                .execute(Tuple.of(type.name(), entityId, at(change.occurredAt())))
                .flatMap(rows -> {
                    List<Row> affected = new ArrayList<>();
                    rows.forEach(affected::add);
                    Row latest = affected.isEmpty() ? null : affected.getLast();
                    boolean evolves = latest != null && latest.getValue("valid_to") == null
                            && !change.occurredAt().isBefore(instant(latest, "valid_from"));
                    if (!evolves) {
                        return refold(client, table, type, entityId, change, recordedAt);
                    }
                    Object state = type.evolveAny(type.readState(latest.getString("fold")), change.event());
                    if (!type.existsAny(state)) {
                        return refold(client, table, type, entityId, change, recordedAt);
                    }
                    List<Tuple> rewritten = new ArrayList<>();
                    for (Row version : affected.subList(0, affected.size() - 1)) {
                        rewritten.add(copy(type, entityId, version, instant(version, "valid_to"), recordedAt));
                    }
                    if (instant(latest, "valid_from").isBefore(change.occurredAt())) {
                        rewritten.add(copy(type, entityId, latest, change.occurredAt(), recordedAt));
                    }
                    long version = Math.max(latest.getLong("stream_version"), change.streamVersion());
                    Instant createdAt = instant(latest, "created_at");
                    rewritten.add(row(type, entityId, new Timeline.Version(change.occurredAt(), null, change,
                            type.endedAny(state), type.viewAny(state, version, createdAt, change.occurredAt()), state,
                            version, createdAt), recordedAt));
                    return write(client, table, type, entityId, change.occurredAt(), recordedAt, rewritten);
                });
    }

    /** The entity's versions from the change's valid time on, folded again from its logged events. */
    private Uni<Void> refold(SqlClient client, String table, EntityType<?, ?> type, String entityId,
                             Timeline.Change change, Instant recordedAt) {
        return client.preparedQuery(EVENTS_OF)
                .execute(Tuple.of(entityId, Contracts.ENTITY_TYPES.eventTypesOf(type), change.seq()))
                .flatMap(rows -> {
                    List<Timeline.Change> changes = new ArrayList<>();
                    rows.forEach(row -> change(row).ifPresent(changes::add));
                    List<Tuple> rewritten = Timeline.of(type, changes).stream()
                            .filter(v -> v.validTo() == null || !v.validTo().isBefore(change.occurredAt()))
                            .map(v -> row(type, entityId, v, recordedAt))
                            .toList();
                    return write(client, table, type, entityId, change.occurredAt(), recordedAt, rewritten);
                });
    }

    private Uni<Void> write(SqlClient client, String table, EntityType<?, ?> type, String entityId, Instant from,
                            Instant recordedAt, List<Tuple> versions) {
        Uni<?> closed = client.preparedQuery(CLOSE.formatted(table))
                .execute(Tuple.of(type.name(), entityId, at(recordedAt), at(from)));
        return versions.isEmpty() ? closed.replaceWithVoid()
                : closed.flatMap(ignored -> client.preparedQuery(INSERT.formatted(table)).executeBatch(versions))
                        .replaceWithVoid();
    }

    private Tuple row(EntityType<?, ?> type, String entityId, Timeline.Version v, Instant recordedAt) {
        return Tuple.from(new Object[] {type.name(), entityId, at(v.validFrom()), at(v.validTo()), at(recordedAt),
                v.cause().seq(), v.cause().eventId(), v.cause().eventType(), v.ended(), write(v.state()),
                type.writeState(v.fold()), v.streamVersion(), at(v.createdAt())});
    }

    /** A stored version written again as of {@code recordedAt}, ending at {@code validTo}. */
    private static Tuple copy(EntityType<?, ?> type, String entityId, Row version, Instant validTo, Instant recordedAt) {
        return Tuple.from(new Object[] {type.name(), entityId, version.getOffsetDateTime("valid_from"), at(validTo),
                at(recordedAt), version.getLong("event_seq"), version.getString("event_id"),
                version.getString("event_type"), version.getBoolean("ended"), version.getString("state"),
                version.getString("fold"), version.getLong("stream_version"), version.getOffsetDateTime("created_at")});
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

    /** Derives the versions from the log once, when there are none yet and the log is not empty (after V6). */
    public Uni<Long> deriveIfMissing(SqlConnection connection) {
        return connection.query("select exists (select from " + TABLE + ") as derived, "
                        + "exists (select from audit_log where occurred_at is not null) as logged").execute()
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    return row.getBoolean("derived") || !row.getBoolean("logged") ? Uni.createFrom().item(0L)
                            : rebuild(connection, "migration V6 (one versions table for every entity type)");
                });
    }

    /**
     * Derives every version again from the log into a temporary table, within the caller's transaction
     * (which should see one snapshot), and answers the first entity ({@code type/id}) whose versions
     * differ from the stored ones, or null when every one is as the log implies.
     */
    public Uni<String> derivedDifference(SqlConnection connection) {
        return connection.query("create temporary table " + REDERIVED + " (like " + TABLE + ") on commit drop").execute()
                .flatMap(created -> deriveAll(connection, REDERIVED))
                .flatMap(derived -> connection.query(FIRST_DIFFERENCE).execute())
                .map(rows -> rows.iterator().next().getString("id"));
    }

    private Uni<Long> deriveAll(SqlConnection connection, String table) {
        String[] types = Contracts.ENTITY_TYPES.allEventTypes();
        return connection.preparedQuery("select seq, event_id, type, occurred_at, recorded_at, subject, cloud_event "
                        + "from audit_log where type = any($1) and occurred_at is not null and subject is not null "
                        + "order by seq")
                .execute(Tuple.of(types))
                .flatMap(rows -> {
                    List<Row> entries = new ArrayList<>();
                    rows.forEach(entries::add);
                    return Multi.createFrom().iterable(entries)
                            .onItem().transformToUniAndConcatenate(row -> change(row)
                                    .map(change -> apply(connection, table, typeOf(change.eventType()).orElseThrow(),
                                            row.getString("subject"), change, instant(row, "recorded_at")))
                                    .orElse(Uni.createFrom().voidItem()))
                            .collect().last()
                            .replaceWith((long) entries.size());
                });
    }

    /** The entity's published state at {@code asOf} as known at {@code knownAt}, or null. */
    public Uni<JsonNode> asOf(SqlClient client, EntityType<?, ?> type, String id, Instant asOf, Instant knownAt) {
        return client.preparedQuery("select " + COLUMNS + " from entity_version where entity_type = $1 "
                        + "and entity_id = $2 and tstzrange(valid_from, valid_to) @> $3::timestamptz "
                        + "and tstzrange(recorded_from, recorded_to) @> $4::timestamptz")
                .execute(Tuple.of(type.name(), id, at(asOf), at(knownAt)))
                .map(rows -> rows.size() == 0 ? null : tree(rows.iterator().next().getString("state")));
    }

    /** Every entity of {@code type} at {@code asOf} as known at {@code knownAt}, in id order. */
    public Uni<List<JsonNode>> allAsOf(SqlClient client, EntityType<?, ?> type, Instant asOf, Instant knownAt) {
        return client.preparedQuery("select " + COLUMNS + " from entity_version where entity_type = $1 "
                        + "and tstzrange(valid_from, valid_to) @> $2::timestamptz "
                        + "and tstzrange(recorded_from, recorded_to) @> $3::timestamptz order by entity_id")
                .execute(Tuple.of(type.name(), at(asOf), at(knownAt)))
                .map(rows -> {
                    List<JsonNode> states = new ArrayList<>();
                    rows.forEach(row -> states.add(tree(row.getString("state"))));
                    return states;
                });
    }

    /** How one entity differs between two instants, as known now. */
    public record Difference(String entityType, String id, JsonNode before, boolean endedBefore, JsonNode after,
                             boolean endedAfter, List<String> eventIds) {
    }

    private static final String DIFF = """
            select changed.entity_type, changed.entity_id, b.state::text as before, b.ended as ended_before,
                   a.state::text as after, a.ended as ended_after,
                   (select array_agg(l.event_id order by l.occurred_at, l.seq) from audit_log l
                     where l.subject = changed.entity_id and l.type = any($3)
                       and l.occurred_at > $1 and l.occurred_at <= $2) as event_ids
            from (select distinct entity_type, entity_id from entity_version
                  where recorded_to is null and valid_from > $1 and valid_from <= $2) changed
            left join entity_version b on b.entity_type = changed.entity_type and b.entity_id = changed.entity_id
                 and b.recorded_to is null and tstzrange(b.valid_from, b.valid_to) @> $1::timestamptz
            left join entity_version a on a.entity_type = changed.entity_type and a.entity_id = changed.entity_id
                 and a.recorded_to is null and tstzrange(a.valid_from, a.valid_to) @> $2::timestamptz
            order by changed.entity_type, changed.entity_id
            """;

    /** The entities that changed in valid time within ({@code from}, {@code to}], as known now. */
    public Uni<List<Difference>> diff(SqlClient client, Instant from, Instant to) {
        String[] types = Contracts.ENTITY_TYPES.allEventTypes();
        return client.preparedQuery(DIFF).execute(Tuple.of(at(from), at(to), types)).map(rows -> {
            List<Difference> differences = new ArrayList<>();
            rows.forEach(row -> {
                String[] ids = row.getArrayOfStrings("event_ids");
                differences.add(new Difference(row.getString("entity_type"), row.getString("entity_id"),
                        treeOrNull(row.getString("before")), Boolean.TRUE.equals(row.getBoolean("ended_before")),
                        treeOrNull(row.getString("after")), Boolean.TRUE.equals(row.getBoolean("ended_after")),
                        ids == null ? List.of() : List.of(ids)));
            });
            return differences;
        });
    }

    /** The versions as known now, oldest first. */
    public Uni<List<HistoryEntry>> history(SqlClient client, EntityType<?, ?> type, String id) {
        return client.preparedQuery("select " + COLUMNS + " from entity_version where entity_type = $1 "
                        + "and entity_id = $2 and recorded_to is null order by valid_from")
                .execute(Tuple.of(type.name(), id))
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

    /**
     * The event as a change of its entity, or empty when its data is not the contract's (it stays in the
     * log, but not in the history).
     */
    public static Optional<Timeline.Change> change(long seq, String eventId, String type, Instant occurredAt,
                                                   Object streamVersion, byte[] data) {
        try {
            Object event = PayloadCodec.read(type, data);
            long version = streamVersion == null ? 0 : Long.parseLong(streamVersion.toString());
            return Optional.of(new Timeline.Change(seq, eventId, type, occurredAt, version, event));
        } catch (RuntimeException e) {
            LOG.warnf("Audit entry %d (%s) does not carry the contract's data; it is logged but not in the history: %s",
                    seq, type, e.getMessage());
            return Optional.empty();
        }
    }

    /** The logged event as a change, or empty when its data is not the contract's (it stays in the log). */
    private Optional<Timeline.Change> change(Row row) {
        JsonNode cloudEvent = tree(row.getString("cloud_event"));
        JsonNode data = cloudEvent.get("data");
        return change(row.getLong("seq"), row.getString("event_id"), row.getString("type"),
                instant(row, "occurred_at"), cloudEvent.hasNonNull("streamversion") ? cloudEvent.get("streamversion").asText()
                        : null, data == null ? new byte[0] : data.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private JsonNode treeOrNull(String text) {
        return text == null ? null : tree(text);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON document cannot be read", e);
        }
    }

    private String write(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

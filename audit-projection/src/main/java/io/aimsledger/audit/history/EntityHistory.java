package io.aimsledger.audit.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.Timeline;
import io.cloudevents.CloudEvent;
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
    private static final int REBUILD_CHUNK = 2_000;
    /** Where {@code derivedDifference} derives the versions again, to compare them with the table. */
    private static final String REDERIVED = "entity_version_rederived";
    private static final String CLOSE = """
            update %s set recorded_to = $3
            where entity_type = $1 and entity_id = $2 and recorded_to is null and (valid_to is null or valid_to >= $4)
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

    /** A logged event as a change of one entity, and when the log recorded it. */
    public record EntityChange(EntityType<?, ?> type, String entityId, Timeline.Change change, Instant recordedAt) {
    }

    /**
     * Folds the changes (events of one transaction of the log, in log order) into their entities'
     * versions, on that transaction, with a few statements whatever their number: the entities' current
     * versions are read at once, evolved in memory ({@link IncrementalFold}), and the versions they
     * replace closed and the new ones inserted, each with one statement. An entity with a late event is
     * folded change by change, as {@link #apply} says.
     */
    public Uni<Void> applyAll(SqlClient client, List<EntityChange> changes) {
        return applyAll(client, TABLE, changes);
    }

    private Uni<Void> applyAll(SqlClient client, String table, List<EntityChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<EntityKey, List<EntityChange>> byEntity = new LinkedHashMap<>();
        changes.forEach(c -> byEntity.computeIfAbsent(new EntityKey(c.type(), c.entityId()), k -> new ArrayList<>()).add(c));
        long firstSeq = changes.stream().mapToLong(c -> c.change().seq()).min().orElseThrow();
        return currentVersions(client, table, byEntity)
                .flatMap(current -> withEarlierEvents(client, byEntity.keySet().stream()
                        .filter(key -> !current.containsKey(key)).toList(), firstSeq)
                        .flatMap(seen -> {
                            List<VersionRow> closed = new ArrayList<>();
                            List<VersionRow> inserted = new ArrayList<>();
                            List<EntityChange> oneByOne = new ArrayList<>();
                            byEntity.forEach((key, entityChanges) -> new IncrementalFold(key.type(), this::write)
                                    .fold(key.id(), current.getOrDefault(key, List.of()), !seen.contains(key.id()),
                                            entityChanges.stream().map(c -> new IncrementalFold.Logged(c.change(),
                                                    c.recordedAt())).toList())
                                    .ifPresentOrElse(outcome -> {
                                        closed.addAll(outcome.closed());
                                        inserted.addAll(outcome.inserted());
                                    }, () -> oneByOne.addAll(entityChanges)));
                            return VersionRows.close(client, table, closed)
                                    .flatMap(ignored -> VersionRows.insert(client, table, inserted))
                                    .flatMap(ignored -> Multi.createFrom().iterable(oneByOne)
                                            .onItem().transformToUniAndConcatenate(c -> apply(client, table, c.type(),
                                                    c.entityId(), c.change(), c.recordedAt()))
                                            .collect().last())
                                    .replaceWithVoid();
                        }));
    }

    private record EntityKey(EntityType<?, ?> type, String id) {
    }

    /** The versions still known of each entity that end at or after its earliest change. */
    private static Uni<Map<EntityKey, List<VersionRow>>> currentVersions(SqlClient client, String table,
                                                                        Map<EntityKey, List<EntityChange>> byEntity) {
        Map<String, EntityType<?, ?>> types = new HashMap<>();
        List<String> typeNames = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<OffsetDateTime> since = new ArrayList<>();
        byEntity.forEach((key, entityChanges) -> {
            types.put(key.type().name(), key.type());
            typeNames.add(key.type().name());
            ids.add(key.id());
            since.add(at(entityChanges.stream().map(c -> c.change().occurredAt()).min(Instant::compareTo).orElseThrow()));
        });
        return VersionRows.current(client, table, typeNames, ids, since).map(rows -> {
            Map<EntityKey, List<VersionRow>> current = new HashMap<>();
            rows.forEach(row -> current.computeIfAbsent(new EntityKey(types.get(row.entityType()), row.entityId()),
                    k -> new ArrayList<>()).add(row));
            return current;
        });
    }

    /** Of the entities without a current version, those the log has an event of before {@code seq}. */
    private static Uni<Set<String>> withEarlierEvents(SqlClient client, List<EntityKey> entities, long seq) {
        if (entities.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return client.preparedQuery("select wanted.subject from unnest($1::text[]) as wanted(subject) "
                        + "cross join lateral (select from audit_log l where l.subject = wanted.subject "
                        + "and l.type = any($2) and l.seq < $3 limit 1) earlier")
                .execute(Tuple.of(entities.stream().map(EntityKey::id).toArray(String[]::new),
                        Contracts.ENTITY_TYPES.allEventTypes(), seq))
                .map(rows -> {
                    Set<String> seen = new HashSet<>();
                    rows.forEach(row -> seen.add(row.getString("subject")));
                    return seen;
                });
    }

    /**
     * Folds {@code change} (the event logged at its seq) into its entity's versions, on the log's
     * transaction. An event that takes effect at or after the entity's latest version evolves that
     * version's folded state: the version is closed in system time as of {@code recordedAt} and written
     * again ending where the new one begins. An earlier (late) event re-folds the entity's events from
     * its valid time on. Either way the versions it replaces are closed, never rewritten.
     */
    private Uni<Void> apply(SqlClient client, String table, EntityType<?, ?> type, String entityId,
                            Timeline.Change change, Instant recordedAt) {
        IncrementalFold fold = new IncrementalFold(type, this::write);
        return VersionRows.current(client, table, List.of(type.name()), List.of(entityId), List.of(at(change.occurredAt())))
                .flatMap(affected -> fold.fold(entityId, affected, false,
                                List.of(new IncrementalFold.Logged(change, recordedAt)))
                        .map(outcome -> VersionRows.close(client, table, outcome.closed())
                                .flatMap(ignored -> VersionRows.insert(client, table, outcome.inserted())))
                        .orElseGet(() -> refold(client, table, fold, entityId, change, recordedAt)));
    }

    /** The entity's versions from the change's valid time on, folded again from its logged events. */
    private Uni<Void> refold(SqlClient client, String table, IncrementalFold fold, String entityId,
                             Timeline.Change change, Instant recordedAt) {
        EntityType<?, ?> type = typeOf(change.eventType()).orElseThrow();
        return client.preparedQuery(EVENTS_OF)
                .execute(Tuple.of(entityId, Contracts.ENTITY_TYPES.eventTypesOf(type), change.seq()))
                .flatMap(rows -> {
                    List<Timeline.Change> changes = new ArrayList<>();
                    rows.forEach(row -> change(row).ifPresent(changes::add));
                    List<VersionRow> rewritten = Timeline.of(type, changes).stream()
                            .filter(v -> v.validTo() == null || !v.validTo().isBefore(change.occurredAt()))
                            .map(v -> fold.row(entityId, v, recordedAt))
                            .toList();
                    return client.preparedQuery(CLOSE.formatted(table))
                            .execute(Tuple.of(type.name(), entityId, at(recordedAt), at(change.occurredAt())))
                            .flatMap(ignored -> VersionRows.insert(client, table, rewritten));
                });
    }

    /**
     * Drops the versions and derives them again from the log, event by event in log order with the
     * times the log recorded: the same steps as when the events arrived, so the same answers. The
     * versions are append-only but for this: the rebuild is first recorded in {@code derived_rebuild},
     * without which the database refuses the delete.
     */
    public Uni<Long> rebuild(SqlConnection connection, String requestedBy) {
        // The log's writer takes the tree head first in each of its transactions: holding it, the rebuild
        // runs between two polls and never beside one.
        return connection.query("select from merkle_tree for update").execute()
                .flatMap(headLocked -> connection.query("lock table " + TABLE + " in exclusive mode").execute())
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
        return deriveAfter(connection, table, 0L, 0L);
    }

    /** Derives from the log entries after {@code seq}, a chunk at a time, as the consumer does a poll at a time. */
    private Uni<Long> deriveAfter(SqlConnection connection, String table, long seq, long derived) {
        return connection.preparedQuery("select seq, event_id, type, occurred_at, recorded_at, subject, cloud_event "
                        + "from audit_log where type = any($1) and occurred_at is not null and subject is not null "
                        + "and seq > $2 order by seq limit $3")
                .execute(Tuple.of(Contracts.ENTITY_TYPES.allEventTypes(), seq, REBUILD_CHUNK))
                .flatMap(rows -> {
                    List<EntityChange> changes = new ArrayList<>();
                    long last = seq;
                    for (Row row : rows) {
                        last = row.getLong("seq");
                        change(row).ifPresent(change -> changes.add(new EntityChange(
                                typeOf(change.eventType()).orElseThrow(), row.getString("subject"), change,
                                instant(row, "recorded_at"))));
                    }
                    long next = last;
                    long total = derived + rows.size();
                    return applyAll(connection, table, changes).flatMap(applied -> rows.size() < REBUILD_CHUNK
                            ? Uni.createFrom().item(total) : deriveAfter(connection, table, next, total));
                });
    }

    /** The entity's published state at {@code asOf} as known at {@code knownAt}, or null. */
    public Uni<JsonNode> asOf(SqlClient client, EntityType<?, ?> type, String id, Instant asOf, Instant knownAt) {
        // Plain comparisons (the same as the ranges' @>) keep one entity's lookup on its btree index: the
        // GiST index over both ranges, meant for the whole state, is slower for one entity.
        return client.preparedQuery("select " + COLUMNS + " from entity_version where entity_type = $1 "
                        + "and entity_id = $2 and valid_from <= $3 and (valid_to is null or valid_to > $3) "
                        + "and recorded_from <= $4 and (recorded_to is null or recorded_to > $4)")
                .execute(Tuple.of(type.name(), id, at(asOf), at(knownAt)))
                .map(rows -> rows.size() == 0 ? null : tree(rows.iterator().next().getString("state")));
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

    /** The logged event as a change, or empty when its data is not the contract's (it stays in the log). */
    private static Optional<Timeline.Change> change(Row row) {
        return changeOf(row.getLong("seq"),
                CloudEventCodec.fromJson(row.getString("cloud_event").getBytes(StandardCharsets.UTF_8)));
    }

    /** The event logged at {@code seq} as a change, or empty (and said) when its data is not the contract's. */
    public static Optional<Timeline.Change> changeOf(long seq, CloudEvent event) {
        Optional<Timeline.Change> change = Timeline.Change.of(seq, event);
        if (change.isEmpty()) {
            LOG.warnf("Audit entry %d (%s) does not carry the contract's data; it is logged but not in the history",
                    seq, event.getType());
        }
        return change;
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

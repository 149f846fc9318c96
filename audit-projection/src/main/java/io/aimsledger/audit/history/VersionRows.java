package io.aimsledger.audit.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads and writes rows of a versions table as sets: one statement for any number of rows. */
final class VersionRows {

    // Each lookup is a lateral subquery kept apart (offset 0), so that it stays a probe of the entity's
    // index whatever the statistics say: while the table grows fast, a generic plan that hashes every
    // current version and joins them got slower with every poll (the bench's ceiling fell 3x in 30 s).
    private static final String CURRENT = """
            select v.entity_type, v.entity_id, v.valid_from, v.valid_to, v.recorded_from, v.event_seq, v.event_id,
                   v.event_type, v.ended, v.state, v.fold, v.stream_version, v.created_at
            from unnest($1::text[], $2::text[], $3::timestamptz[]) as wanted(entity_type, entity_id, since)
            cross join lateral (
                select e.entity_type, e.entity_id, e.valid_from, e.valid_to, e.recorded_from, e.event_seq, e.event_id,
                       e.event_type, e.ended, e.state::text as state, e.fold::text as fold, e.stream_version,
                       e.created_at
                from %s e
                where e.entity_type = wanted.entity_type and e.entity_id = wanted.entity_id
                  and e.recorded_to is null and (e.valid_to is null or e.valid_to >= wanted.since)
                offset 0) v
            """;
    // A version still known is identified by its entity and valid_from: the versions known at once never
    // overlap. Found as above, then updated by its row id.
    private static final String CLOSE = """
            update %1$s v set recorded_to = closing.recorded_to
            from (select found.row_id, wanted.recorded_to
                  from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[])
                       as wanted(entity_type, entity_id, valid_from, recorded_to)
                  cross join lateral (
                      select e.ctid as row_id from %1$s e
                      where e.entity_type = wanted.entity_type and e.entity_id = wanted.entity_id
                        and e.valid_from = wanted.valid_from and e.recorded_to is null
                      offset 0) found) closing
            where v.ctid = closing.row_id
            """;
    private static final String INSERT = """
            insert into %s (entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to, event_seq, event_id,
                            event_type, ended, state, fold, stream_version, created_at)
            select entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to, event_seq, event_id,
                   event_type, ended, state::jsonb, fold::jsonb, stream_version, created_at
            from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
                        $6::timestamptz[], $7::bigint[], $8::text[], $9::text[], $10::boolean[], $11::text[],
                        $12::text[], $13::bigint[], $14::timestamptz[])
                 as v(entity_type, entity_id, valid_from, valid_to, recorded_from, recorded_to, event_seq, event_id,
                      event_type, ended, state, fold, stream_version, created_at)
            """;

    private VersionRows() {
    }

    /** Of each entity ({@code types[i]}, {@code ids[i]}), the versions still known that end at or after {@code since[i]}. */
    static Uni<List<VersionRow>> current(SqlClient client, String table, List<String> types, List<String> ids,
                                         List<OffsetDateTime> since) {
        return client.preparedQuery(CURRENT.formatted(table))
                .execute(Tuple.of(types.toArray(String[]::new), ids.toArray(String[]::new),
                        since.toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    List<VersionRow> versions = new ArrayList<>();
                    rows.forEach(row -> versions.add(read(row)));
                    return versions;
                });
    }

    /** Closes each version in system time at its {@code recordedTo}; they must all be still known. */
    static Uni<Void> close(SqlClient client, String table, List<VersionRow> closed) {
        if (closed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(CLOSE.formatted(table))
                .execute(Tuple.of(column(closed, VersionRow::entityType, String[]::new),
                        column(closed, VersionRow::entityId, String[]::new),
                        times(closed, VersionRow::validFrom), times(closed, VersionRow::recordedTo)))
                .map(result -> {
                    if (result.rowCount() != closed.size()) {
                        throw new IllegalStateException("expected to close " + closed.size() + " versions, closed "
                                + result.rowCount() + ": the versions changed under this transaction");
                    }
                    return null;
                });
    }

    static Uni<Void> insert(SqlClient client, String table, List<VersionRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(INSERT.formatted(table))
                .execute(Tuple.from(new Object[] {column(rows, VersionRow::entityType, String[]::new),
                        column(rows, VersionRow::entityId, String[]::new), times(rows, VersionRow::validFrom),
                        times(rows, VersionRow::validTo), times(rows, VersionRow::recordedFrom),
                        times(rows, VersionRow::recordedTo), column(rows, VersionRow::eventSeq, Long[]::new),
                        column(rows, VersionRow::eventId, String[]::new), column(rows, VersionRow::eventType, String[]::new),
                        column(rows, VersionRow::ended, Boolean[]::new), column(rows, VersionRow::state, String[]::new),
                        column(rows, VersionRow::fold, String[]::new), column(rows, VersionRow::streamVersion, Long[]::new),
                        times(rows, VersionRow::createdAt)}))
                .replaceWithVoid();
    }

    private static <T> T[] column(List<VersionRow> rows, Function<VersionRow, T> value,
                                  java.util.function.IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static OffsetDateTime[] times(List<VersionRow> rows, Function<VersionRow, Instant> value) {
        return rows.stream().map(value).map(VersionRows::at).toArray(OffsetDateTime[]::new);
    }

    private static VersionRow read(Row row) {
        return new VersionRow(row.getString("entity_type"), row.getString("entity_id"), instant(row, "valid_from"),
                instant(row, "valid_to"), instant(row, "recorded_from"), null, row.getLong("event_seq"),
                row.getString("event_id"), row.getString("event_type"), row.getBoolean("ended"), row.getString("state"),
                row.getString("fold"), row.getLong("stream_version"), instant(row, "created_at"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

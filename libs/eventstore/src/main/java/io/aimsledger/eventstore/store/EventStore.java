package io.aimsledger.eventstore.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.Contracts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The PostgreSQL event store. Every operation runs on the caller's connection, so that appending
 * events and updating a read model are one transaction.
 */
@ApplicationScoped
public class EventStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "global_position, stream_id, stream_type, stream_version, event_id, "
            + "event_type, schema_version, occurred_at, recorded_at, actor, correlation_id, causation_id, "
            + "traceparent, payload::text";

    // Inserts only if the stream is still at the expected version, so a stale writer never leaves a gap;
    // two writers racing for the same version meet at the unique (stream_id, stream_version).
    private static final String APPEND = """
            insert into event_store (stream_id, stream_type, stream_version, event_id, event_type, schema_version,
                                     occurred_at, actor, correlation_id, causation_id, traceparent, payload)
            select $1::text, $2::text, $3::bigint, $4::uuid, $5::text, $6::int, $7::timestamptz, $8::text, $9::text,
                   $10::text, $11::text, $12::text::jsonb
            where (select coalesce(max(stream_version), 0) from event_store where stream_id = $1::text) = $3::bigint - 1
            """;

    /** All events of a stream, in version order. */
    public Uni<List<StoredEvent>> readStream(SqlClient client, String streamId) {
        return client.preparedQuery("select " + COLUMNS + " from event_store where stream_id = $1 order by stream_version")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /** Up to {@code limit} events after a global position, in position order (for rebuilds and exports). */
    public Uni<List<StoredEvent>> readAfter(SqlClient client, long position, int limit) {
        return client.preparedQuery("select " + COLUMNS + " from event_store where global_position > $1 "
                        + "order by global_position limit $2")
                .execute(Tuple.of(position, limit))
                .map(rows -> {
                    List<StoredEvent> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /**
     * Appends events to a stream expected at {@code expectedVersion} (0 for a new stream); returns the
     * stream's new version, or fails with {@link ConcurrencyConflict}. A type no published contract
     * names fails with {@link UnregisteredEventType} before anything is written: nothing that the
     * relay could not publish ever enters the store.
     */
    public Uni<Long> append(SqlClient client, String streamId, String streamType, long expectedVersion,
                            List<EventToAppend> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(expectedVersion);
        }
        for (EventToAppend event : events) {
            if (!Contracts.REGISTRY.isKnown(event.type())) {
                return Uni.createFrom().failure(new UnregisteredEventType(event.type()));
            }
        }
        List<Tuple> rows = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (EventToAppend event : events) {
            version++;
            rows.add(Tuple.from(new Object[] {streamId, streamType, version, event.eventId(), event.type(),
                    event.schemaVersion(), OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                    metadata.actor(), metadata.correlationId(), metadata.causationId(), metadata.traceparent(),
                    event.payload()}));
        }
        long newVersion = version;
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> client.preparedQuery(APPEND).execute(row)
                        .map(result -> {
                            if (result.rowCount() != 1) {
                                throw new ConcurrencyConflict(streamId, expectedVersion);
                            }
                            return result;
                        }))
                .collect().last()
                .replaceWith(newVersion)
                .onFailure(EventStore::isUniqueViolation)
                .transform(e -> new ConcurrencyConflict(streamId, expectedVersion));
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    static StoredEvent toEvent(Row row) {
        return new StoredEvent(row.getLong("global_position"), row.getString("stream_id"),
                row.getString("stream_type"), row.getLong("stream_version"), row.getUUID("event_id"),
                row.getString("event_type"), row.getInteger("schema_version"),
                instant(row.getOffsetDateTime("occurred_at")), instant(row.getOffsetDateTime("recorded_at")),
                row.getString("actor"), row.getString("correlation_id"), row.getString("causation_id"),
                row.getString("traceparent"), row.getString("payload"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

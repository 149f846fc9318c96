package io.aimsledger.eventstore.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.eventstore.tx.SqlErrors;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The PostgreSQL event store. Every operation runs in the caller's transaction, so that appending
 * events and updating a read model commit together.
 */
@ApplicationScoped
public class EventStore {

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
    public Uni<List<StoredEvent>> readStream(Transaction transaction, String streamId) {
        return transaction.query("select " + COLUMNS + " from event_store where stream_id = $1 order by stream_version",
                streamId).map(EventStore::toEvents);
    }

    /** Up to {@code limit} events after a global position, in position order (for rebuilds and exports). */
    public Uni<List<StoredEvent>> readAfter(Transaction transaction, long position, int limit) {
        return transaction.query("select " + COLUMNS + " from event_store where global_position > $1 "
                + "order by global_position limit $2", position, limit).map(EventStore::toEvents);
    }

    /**
     * Appends events to a stream expected at {@code expectedVersion} (0 for a new stream); returns the
     * stream's new version, or fails with {@link ConcurrencyConflict}. A type no published contract
     * names fails with {@link UnregisteredEventType} before anything is written: nothing that the
     * relay could not publish ever enters the store.
     */
    public Uni<Long> append(Transaction transaction, String streamId, String streamType, long expectedVersion,
                            List<EventToAppend> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(expectedVersion);
        }
        for (EventToAppend event : events) {
            if (!Contracts.REGISTRY.isKnown(event.type())) {
                return Uni.createFrom().failure(new UnregisteredEventType(event.type()));
            }
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (EventToAppend event : events) {
            version++;
            rows.add(new Object[] {streamId, streamType, version, event.eventId(), event.type(),
                    event.schemaVersion(), OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC),
                    metadata.actor(), metadata.correlationId(), metadata.causationId(), metadata.traceparent(),
                    event.payload()});
        }
        long newVersion = version;
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> transaction.update(APPEND, row)
                        .map(inserted -> {
                            if (inserted != 1) {
                                throw new ConcurrencyConflict(streamId, expectedVersion);
                            }
                            return inserted;
                        }))
                .collect().last()
                .replaceWith(newVersion)
                .onFailure(SqlErrors::isUniqueViolation)
                .transform(e -> new ConcurrencyConflict(streamId, expectedVersion));
    }

    private static List<StoredEvent> toEvents(List<Object[]> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new StoredEvent((Long) row[0], (String) row[1], (String) row[2], (Long) row[3], (UUID) row[4],
                    (String) row[5], (Integer) row[6], instant(row[7]), instant(row[8]), (String) row[9],
                    (String) row[10], (String) row[11], (String) row[12], (String) row[13]));
        }
        return events;
    }

    private static Instant instant(Object time) {
        return time == null ? null : ((OffsetDateTime) time).toInstant();
    }
}

package io.aimsledger.audit.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.PayloadCodec;

/**
 * The whole state as of two times ({@code {asOf, knownAt, complete}} and one list per entity type,
 * {@link StateCollections}), written while it is read, a few hundred versions at a time from the
 * caller's snapshot: its size costs no memory. {@code GET /state} and the export both write it so.
 */
public final class StateDocument {

    private static final int FETCH = 500;
    private static final String ALL_AS_OF = """
            select state::text from entity_version
            where entity_type = ? and tstzrange(valid_from, valid_to) @> ? and tstzrange(recorded_from, recorded_to) @> ?
            order by entity_id
            """;

    private StateDocument() {
    }

    /** The views of one entity type as of the two times, in id order, as the JSON texts kept for them. */
    public static List<String> views(Connection snapshot, String entityType, Instant asOf, Instant knownAt)
            throws SQLException {
        List<String> views = new ArrayList<>();
        try (var query = snapshot.prepareStatement(ALL_AS_OF)) {
            query.setFetchSize(FETCH);
            query.setString(1, entityType);
            query.setObject(2, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    views.add(rows.getString(1));
                }
            }
        }
        return views;
    }

    /** @param snapshot a connection in a repeatable-read transaction, so that the state is one instant's */
    /** The views of {@code type} as of the two times, read as its view class. */
    public static <V> List<V> views(Connection snapshot, EntityType<?, ?> type, Class<V> view, Instant asOf,
                                    Instant knownAt) throws SQLException {
        List<V> read = new ArrayList<>();
        for (String text : views(snapshot, type.name(), asOf, knownAt)) {
            read.add(PayloadCodec.read(text.getBytes(StandardCharsets.UTF_8), view));
        }
        return read;
    }

    public static void write(Connection snapshot, Instant asOf, Instant knownAt, boolean complete,
                             JsonGenerator generator) throws SQLException, IOException {
        try (var query = snapshot.prepareStatement(ALL_AS_OF)) {
            query.setFetchSize(FETCH);
            query.setObject(2, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
            generator.writeStartObject();
            generator.writeStringField("asOf", asOf.toString());
            generator.writeStringField("knownAt", knownAt.toString());
            generator.writeBooleanField("complete", complete);
            for (StateCollections.Collection collection : StateCollections.all()) {
                generator.writeArrayFieldStart(collection.key());
                if (collection.type() != null) {
                    query.setString(1, collection.type().name());
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            generator.writeRawValue(rows.getString(1));
                        }
                    }
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.flush();
        }
    }
}

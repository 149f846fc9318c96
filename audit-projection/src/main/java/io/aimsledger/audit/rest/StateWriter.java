package io.aimsledger.audit.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.history.StateCollections;
import io.aimsledger.audit.rest.AuditStateResource.Times;
import io.aimsledger.audit.log.Snapshots;

/**
 * Writes the whole state as JSON while reading it, a few hundred versions at a time from one snapshot,
 * so that its size is bounded by the client's patience and not by the service's memory.
 */
@ApplicationScoped
public class StateWriter {

    private static final int FETCH = 500;
    private static final String ALL_AS_OF = """
            select state::text from entity_version
            where entity_type = ? and tstzrange(valid_from, valid_to) @> ? and tstzrange(recorded_from, recorded_to) @> ?
            order by entity_id
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public StateWriter(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** {@code {asOf, knownAt, complete}} and one list per entity type ({@link StateCollections}). */
    public void write(Times times, OutputStream out) throws IOException {
        try (Connection connection = Snapshots.open(dataSource);
             var query = connection.prepareStatement(ALL_AS_OF);
             JsonGenerator generator = json.createGenerator(out)) {
            query.setFetchSize(FETCH);
            query.setObject(2, OffsetDateTime.ofInstant(times.asOf(), ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(times.knownAt(), ZoneOffset.UTC));
            generator.writeStartObject();
            generator.writePOJOField("asOf", times.asOf());
            generator.writePOJOField("knownAt", times.knownAt());
            generator.writeBooleanField("complete", times.complete());
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
            connection.rollback();
        } catch (SQLException e) {
            throw new IOException("the state could not be read from the database", e);
        }
    }
}

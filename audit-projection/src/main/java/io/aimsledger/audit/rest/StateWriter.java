package io.aimsledger.audit.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.history.StateDocument;
import io.aimsledger.audit.log.Snapshots;
import io.aimsledger.audit.rest.AuditStateResource.Times;

/** {@code GET /state}: the {@link StateDocument} from one snapshot, streamed to the client. */
@ApplicationScoped
public class StateWriter {

    private final DataSource dataSource;
    private final ObjectMapper json;

    public StateWriter(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void write(Times times, OutputStream out) throws IOException {
        try (Connection snapshot = Snapshots.open(dataSource); JsonGenerator generator = json.createGenerator(out)) {
            StateDocument.write(snapshot, times.asOf(), times.knownAt(), times.complete(), generator);
            snapshot.rollback();
        } catch (SQLException e) {
            throw new IOException("the state could not be read from the database", e);
        }
    }
}

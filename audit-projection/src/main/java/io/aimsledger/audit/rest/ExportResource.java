package io.aimsledger.audit.rest;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.audit.history.StateCollections;
import io.aimsledger.audit.Progress;
import io.aimsledger.audit.proof.AuditExport;
import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.transparency.SignedCheckpoint;
import io.smallrye.common.annotation.Blocking;
import io.vertx.mutiny.sqlclient.Pool;

/** {@code GET /api/v1/audit/export?asOf=&knownAt=}: the auditor's zip (API.md), streamed. */
@Path("/api/v1/audit/export")
public class ExportResource {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AuditExport export;
    private final Checkpointer checkpointer;
    private final EntityHistory history;
    private final ObjectMapper json;
    private final Progress progress;
    private final Pool pool;
    private final Clock clock;

    public ExportResource(AuditExport export, Checkpointer checkpointer, EntityHistory history,
                          Progress progress, Pool pool, Clock clock, ObjectMapper json) {
        this.export = export;
        this.checkpointer = checkpointer;
        this.history = history;
        this.json = json;
        this.progress = progress;
        this.pool = pool;
        this.clock = clock;
    }

    @GET
    @Blocking
    @RolesAllowed(Access.AUDIT)
    @Produces("application/zip")
    public Response export(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        Instant now = clock.instant();
        Instant validTime = RequestValues.optionalInstant(asOf, "asOf");
        Instant systemTime = RequestValues.optionalInstant(knownAt, "knownAt");
        Instant at = validTime == null ? now : validTime;
        Instant known = systemTime == null ? now : systemTime;
        SignedCheckpoint checkpoint = checkpointer.checkpointNow().await().atMost(WAIT);
        ObjectNode state = json.createObjectNode();
        state.put("asOf", at.toString());
        state.put("knownAt", known.toString());
        state.put("complete", progress.complete(at));
        for (StateCollections.Collection collection : StateCollections.all()) {
            ArrayNode list = state.putArray(collection.key());
            if (collection.type() != null) {
                list.addAll(history.allAsOf(pool, collection.type(), at, known).await().atMost(WAIT));
            }
        }
        var plan = new AuditExport.Plan(at, known, now, checkpoint, state);
        StreamingOutput body = out -> {
            try {
                export.write(plan, out);
            } catch (SQLException e) {
                throw new IOException("the export could not be read from the database", e);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"aims-audit-export-"
                        + at.toString().replace(':', '-') + ".zip\"")
                .build();
    }
}

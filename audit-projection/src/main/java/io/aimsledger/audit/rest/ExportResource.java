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


import io.aimsledger.audit.Progress;
import io.aimsledger.audit.proof.AuditExport;
import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.transparency.SignedCheckpoint;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code GET /api/v1/audit/export?asOf=&knownAt=&from=}: the auditor's zip (API.md), streamed; {@code from}
 * is the tree size of a checkpoint the auditor kept, from which the export then proves consistency.
 */
@Path("/api/v1/audit/export")
public class ExportResource {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final AuditExport export;
    private final Checkpointer checkpointer;
    private final Progress progress;
    private final Clock clock;

    public ExportResource(AuditExport export, Checkpointer checkpointer, Progress progress, Clock clock) {
        this.export = export;
        this.checkpointer = checkpointer;
        this.progress = progress;
        this.clock = clock;
    }

    @GET
    @Blocking
    @RolesAllowed(Access.AUDIT)
    @Produces("application/zip")
    public Response export(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt,
                           @QueryParam("from") String from) {
        Instant now = clock.instant();
        Instant validTime = RequestValues.optionalInstant(asOf, "asOf");
        Instant systemTime = RequestValues.optionalInstant(knownAt, "knownAt");
        Long since = RequestValues.optionalLong(from, "from", 1);
        Instant at = validTime == null ? now : validTime;
        Instant known = systemTime == null ? now : systemTime;
        SignedCheckpoint checkpoint = checkpointer.checkpointNow().await().atMost(WAIT);
        if (since != null && since > checkpoint.checkpoint().treeSize()) {
            throw InvalidRequest.of("from", "the tree has " + checkpoint.checkpoint().treeSize() + " entries");
        }
        var plan = new AuditExport.Plan(at, known, now, checkpoint, progress.complete(at), since);
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

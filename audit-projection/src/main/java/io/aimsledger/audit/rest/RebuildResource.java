package io.aimsledger.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.security.ActingUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Drops the derived tables and derives them again from the audit log, in one transaction (readers
 * see the old or the new, never half). The log itself is never touched.
 */
@Path("/api/v1/audit/admin/rebuild")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    /** What a rebuild replayed. */
    public record RebuildResult(long eventsReplayed) {
    }

    private final EntityHistory history;
    private final Pool pool;

    private final ActingUser user;

    public RebuildResource(EntityHistory history, Pool pool, ActingUser user) {
        this.history = history;
        this.pool = pool;
        this.user = user;
    }

    /** The body is optional ({@code {}}); it is read so that a malformed one is a 400 like everywhere else. */
    @POST
    @RolesAllowed(Access.ADMINISTER)
    public Uni<RebuildResult> rebuild(JsonNode body) {
        String requestedBy = user.name();
        return pool.withTransaction(connection -> history.rebuild(connection, requestedBy)).map(RebuildResult::new);
    }
}

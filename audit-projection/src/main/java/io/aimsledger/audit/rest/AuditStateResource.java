package io.aimsledger.audit.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.audit.Progress;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.decider.Rejection;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The AIMS in both times, for every entity type the contracts declare: one entity as of an instant
 * ({@code /api/v1/audit/ai-systems/{id}}, and so on for each type's collection), its history, the
 * changes between two instants, and the whole state.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditStateResource {

    static final String NOT_FOUND_AT_TIME = "audit.not-found-at-time";

    private final EntityHistory history;
    private final Progress progress;
    private final Pool pool;
    private final Clock clock;
    private final StateWriter stateWriter;

    public AuditStateResource(EntityHistory history, Progress progress, Pool pool, Clock clock,
                              StateWriter stateWriter) {
        this.history = history;
        this.progress = progress;
        this.pool = pool;
        this.clock = clock;
        this.stateWriter = stateWriter;
    }

    /** The two times of a question, and whether every partition has been read past it. */
    public record Times(Instant asOf, Instant knownAt, boolean complete) {
    }

    private Times times(String asOf, String knownAt) {
        Instant now = clock.instant();
        Instant validTime = RequestValues.optionalInstant(asOf, "asOf");
        Instant systemTime = RequestValues.optionalInstant(knownAt, "knownAt");
        Instant at = validTime == null ? now : validTime;
        return new Times(at, systemTime == null ? now : systemTime, progress.complete(at));
    }

    private static EntityType<?, ?> type(String collection) {
        return Contracts.ENTITY_TYPES.byCollection(collection).orElseThrow(() -> Rejection.notFound(
                ProblemCodes.NOT_FOUND, "The audit keeps no entities called " + collection + "."));
    }

    @GET
    @Path("{collection}/{id}")
    @RolesAllowed(Access.AUDIT)
    public Uni<JsonNode> entity(@PathParam("collection") String collection, @PathParam("id") String id,
                                @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        EntityType<?, ?> type = type(collection);
        Times times = times(asOf, knownAt);
        return history.asOf(pool, type, id, times.asOf(), times.knownAt()).map(state -> {
            if (state == null) {
                throw Rejection.notFound(NOT_FOUND_AT_TIME, "This " + type.name() + " did not exist at " + times.asOf()
                        + " as known at " + times.knownAt() + ".");
            }
            ObjectNode answer = (ObjectNode) state;
            answer.put("asOf", times.asOf().toString());
            answer.put("knownAt", times.knownAt().toString());
            answer.put("complete", times.complete());
            return answer;
        });
    }

    @GET
    @Path("{collection}/{id}/history")
    @RolesAllowed(Access.AUDIT)
    public Uni<List<EntityHistory.HistoryEntry>> history(@PathParam("collection") String collection,
                                                         @PathParam("id") String id) {
        return history.history(pool, type(collection), id);
    }

    /** One entity's change between two instants. */
    public record ChangeView(String entityType, String entityId, Kind change, JsonNode before, JsonNode after,
                             List<String> eventIds) {

        public enum Kind { CREATED, UPDATED, RETIRED }
    }

    /** {@code {from, to, changes}}: what changed in valid time within ({@code from}, {@code to}], as known now. */
    public record DiffView(Instant from, Instant to, List<ChangeView> changes) {
    }

    @GET
    @Path("diff")
    @RolesAllowed(Access.AUDIT)
    public Uni<DiffView> diff(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = RequestValues.optionalInstant(from, "from");
        Instant end = RequestValues.optionalInstant(to, "to");
        if (start == null || end == null || !start.isBefore(end)) {
            throw InvalidRequest.of(start == null ? "from" : "to", "from and to are both required, from before to");
        }
        return history.diff(pool, start, end).map(differences -> new DiffView(start, end, differences.stream()
                .map(d -> new ChangeView(d.entityType(), d.id(), kind(d), d.before(), d.after(), d.eventIds()))
                .toList()));
    }

    private static ChangeView.Kind kind(EntityHistory.Difference difference) {
        if (difference.before() == null) {
            return ChangeView.Kind.CREATED;
        }
        if (difference.after() != null && difference.endedAfter() && !difference.endedBefore()) {
            return ChangeView.Kind.RETIRED;
        }
        return ChangeView.Kind.UPDATED;
    }

    /** Streamed as it is read (see {@link StateWriter}), however many entities there are. */
    @GET
    @Path("state")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    @APIResponse(responseCode = "200", description = "The whole AIMS as of the two times: {asOf, knownAt, complete, "
            + "aiSystems: [...], risks: [...], impactAssessments: [...], controls: [...], evidence: [...]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response state(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        Times times = times(asOf, knownAt);
        StreamingOutput body = out -> stateWriter.write(times, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}

package io.aimsledger.audit.history.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aimsledger.audit.history.aisystem.AiSystemHistory;
import io.aimsledger.audit.trail.log.AuditConsumer;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.decider.Rejection;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The AIMS as it stood: valid time {@code asOf} (when changes took effect) and system time
 * {@code knownAt} (what the platform had recorded), both defaulting to now (API.md, "audit-projection").
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditStateResource {

    static final String NOT_FOUND_AT_TIME = "audit.not-found-at-time";

    private final AiSystemHistory aiSystems;
    private final AuditConsumer consumer;
    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final StateWriter stateWriter;

    public AuditStateResource(AiSystemHistory aiSystems, AuditConsumer consumer, Pool pool, ObjectMapper json,
                              Clock clock, StateWriter stateWriter) {
        this.aiSystems = aiSystems;
        this.consumer = consumer;
        this.pool = pool;
        this.json = json;
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
        return new Times(at, systemTime == null ? now : systemTime, consumer.complete(at));
    }

    @GET
    @Path("ai-systems/{id}")
    @RolesAllowed(Access.AUDIT)
    public Uni<ObjectNode> aiSystem(@PathParam("id") String id, @QueryParam("asOf") String asOf,
                                    @QueryParam("knownAt") String knownAt) {
        UUID aiSystemId = RequestValues.uuid(id, "id");
        Times times = times(asOf, knownAt);
        return aiSystems.asOf(pool, aiSystemId, times.asOf(), times.knownAt()).map(view -> {
            if (view == null) {
                throw Rejection.notFound(NOT_FOUND_AT_TIME, "This AI system did not exist at " + times.asOf()
                        + " as known at " + times.knownAt() + ".");
            }
            ObjectNode answer = json.valueToTree(view);
            answer.put("asOf", times.asOf().toString());
            answer.put("knownAt", times.knownAt().toString());
            answer.put("complete", times.complete());
            return answer;
        });
    }

    @GET
    @Path("ai-systems/{id}/history")
    @RolesAllowed(Access.AUDIT)
    public Uni<List<AiSystemHistory.HistoryEntry>> history(@PathParam("id") String id) {
        return aiSystems.history(pool, RequestValues.uuid(id, "id"));
    }

    /** One entity's change between two instants. */
    public record ChangeView(String entityType, String entityId, Kind change, Object before, Object after,
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
        return aiSystems.diff(pool, start, end).map(differences -> new DiffView(start, end, differences.stream()
                .map(d -> new ChangeView("AI_SYSTEM", d.id().toString(), kind(d.before(), d.after()), d.before(),
                        d.after(), d.eventIds()))
                .toList()));
    }

    private static ChangeView.Kind kind(AiSystemView before, AiSystemView after) {
        if (before == null) {
            return ChangeView.Kind.CREATED;
        }
        if (after != null && after.status() == AiSystemView.Status.RETIRED
                && before.status() != AiSystemView.Status.RETIRED) {
            return ChangeView.Kind.RETIRED;
        }
        return ChangeView.Kind.UPDATED;
    }

    /** The whole AIMS then; the collections of domains not built yet are empty. */
    public record StateView(Instant asOf, Instant knownAt, boolean complete, List<AiSystemView> aiSystems,
                            List<Object> risks, List<Object> impactAssessments, List<Object> controls,
                            List<Object> evidence) {
    }

    /** Streamed as it is read (see {@link StateWriter}): a {@link StateView}, however many AI systems. */
    @GET
    @Path("state")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    @APIResponse(responseCode = "200", description = "The whole AIMS as of the two times",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StateView.class)))
    public Response state(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        Times times = times(asOf, knownAt);
        StreamingOutput body = out -> stateWriter.write(times, out);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}

package io.aimsledger.eventstore.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.NotACloudEvent;
import io.aimsledger.support.problem.ProblemResponses;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.security.ActingUser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Integrations push CloudEvents here, one or a batch; each gets its own result (API.md, "POST
 * /api/v1/ingest"). A service that takes ingest declares {@code @Path("/api/v1/ingest")} on a subclass
 * and provides its {@link IngestHandler}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CloudEventsIngestResource {

    public static final String SINGLE = "application/cloudevents+json";
    public static final String BATCH = "application/cloudevents-batch+json";
    static final int MAX_BATCH = 500;

    private final Ingest ingest;
    private final ActingUser user;
    private final ObjectMapper json;

    protected CloudEventsIngestResource(Ingest ingest, ActingUser user, ObjectMapper json) {
        this.ingest = ingest;
        this.user = user;
        this.json = json;
    }

    @POST
    @Consumes(SINGLE)
    @RolesAllowed(Access.INGEST)
    @SecurityRequirement(name = "bearer", scopes = Access.INGEST) // not derived for an inherited method
    public Uni<Response> one(byte[] body) {
        InboundEvent event;
        try {
            event = InboundEvent.of(CloudEventCodec.fromJson(body));
        } catch (NotACloudEvent e) {
            return Uni.createFrom().item(notCloudEvents("The body is not a structured-mode CloudEvent: " + e.getMessage()
                    + "."));
        }
        return ingest.apply(event, user.name()).map(result -> accepted(List.of(result)));
    }

    @POST
    @Consumes(BATCH)
    @RolesAllowed(Access.INGEST)
    @SecurityRequirement(name = "bearer", scopes = Access.INGEST) // not derived for an inherited method
    public Uni<Response> batch(byte[] body) {
        JsonNode events;
        try {
            events = json.readTree(body);
        } catch (IOException e) {
            return Uni.createFrom().item(notCloudEvents("The body is not JSON."));
        }
        if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_BATCH) {
            return Uni.createFrom().item(notCloudEvents("A batch is a JSON array of 1 to " + MAX_BATCH
                    + " CloudEvents."));
        }
        List<Parsed> parsed = new ArrayList<>();
        events.forEach(item -> parsed.add(Parsed.of(item, json)));
        if (parsed.stream().allMatch(p -> p.event() == null)) {
            return Uni.createFrom().item(notCloudEvents("No element of the batch is a structured-mode CloudEvent."));
        }
        String actor = user.name();
        // In order: a later event of the batch may rely on an earlier one (a model of a system just discovered).
        return Multi.createFrom().iterable(parsed)
                .onItem().transformToUniAndConcatenate(p -> p.event() == null ? Uni.createFrom().item(p.rejection())
                        : ingest.apply(p.event(), actor))
                .collect().asList()
                .map(this::accepted);
    }

    /** One element of a batch: the event, or why it is not one. */
    private record Parsed(InboundEvent event, IngestResult rejection) {

        static Parsed of(JsonNode item, ObjectMapper json) {
            try {
                return new Parsed(InboundEvent.of(CloudEventCodec.fromJson(json.writeValueAsBytes(item))), null);
            } catch (NotACloudEvent e) {
                String id = item.path("id").isTextual() ? item.get("id").textValue() : null;
                return new Parsed(null, IngestResult.rejected(id, IngestCodes.INVALID_CLOUDEVENT,
                        "Not a structured-mode CloudEvent: " + e.getMessage() + "."));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree can always be written", e);
            }
        }
    }

    private Response accepted(List<IngestResult> results) {
        return Response.accepted(Map.of("results", results)).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response notCloudEvents(String detail) {
        return ProblemResponses.of(400, IngestCodes.INVALID_CLOUDEVENT, "Not CloudEvents", detail);
    }
}

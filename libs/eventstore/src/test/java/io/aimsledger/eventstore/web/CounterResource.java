package io.aimsledger.eventstore.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.reactive.mutiny.Mutiny;

import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.decider.sample.Counter;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.support.security.Access;
import io.smallrye.mutiny.Uni;

/** A test-only adapter over the sample counter decider: what a service's resource looks like. */
@Path("/api/v1/test-counters")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    public record OpenRequest(@Min(1) int limit) {
    }

    public record IncrementRequest(@Min(1) int by) {
    }

    private final WebCommands web;
    private final CommandContexts contexts;
    private final ObjectMapper json;
    private final Mutiny.SessionFactory sessions;

    public CounterResource(WebCommands web, CommandContexts contexts, ObjectMapper json, Mutiny.SessionFactory sessions) {
        this.web = web;
        this.contexts = contexts;
        this.json = json;
        this.sessions = sessions;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<CounterRecord> get(@PathParam("id") UUID id) {
        return sessions.withStatelessSession(session -> session.get(CounterRecord.class, id.toString()))
                .onItem().ifNull().failWith(NotFoundException::new);
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> open(@Valid @NotNull OpenRequest request,
                              @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY) String key) throws JsonProcessingException {
        String id = UUID.randomUUID().toString();
        IdempotencyKey idempotency = CommandHeaders.idempotencyKey(key, "POST", "/api/v1/test-counters",
                json.writeValueAsBytes(request));
        return handle(id, new Counter.Command.Open(request.limit()), null, idempotency, 201,
                URI.create("/api/v1/test-counters/" + id));
    }

    @POST
    @Path("{id}/increments")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> increment(@PathParam("id") UUID id, @Valid @NotNull IncrementRequest request,
                                   @HeaderParam(CommandHeaders.IF_MATCH) String ifMatch) {
        return handle(id.toString(), new Counter.Command.Increment(request.by()),
                CommandHeaders.expectedVersion(ifMatch), null, 200, null);
    }

    private Uni<Response> handle(String id, Counter.Command command, ExpectedVersion expectedVersion, IdempotencyKey key,
                                 int status, URI location) {
        var counter = new Command<>(id, "counter", new Counter(), new ContractEventCodec<>(Counter.Event.class), command,
                contexts.current(null), expectedVersion, (transaction, decision) -> transaction.session()
                        .upsert(CounterRecord.of(id, decision.state().value(), decision.state().limit(), decision.version())));
        return web.handle(counter, key, decision -> new WebCommands.Answer(status, location,
                Map.<String, Object>of("id", id, "value", decision.state().value(), "version", decision.version())));
    }
}

package io.aimsledger.controls.control.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.EffectivenessTest;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.controls.control.application.ControlCommandHandler;
import io.aimsledger.controls.control.domain.ControlCommand;
import io.aimsledger.controls.control.domain.ControlProblems;
import io.aimsledger.controls.control.readmodel.ControlFilter;
import io.aimsledger.controls.control.readmodel.ControlReadModel;
import io.aimsledger.controls.evidence.EvidenceSummaries;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.web.CommandContexts;
import io.aimsledger.eventstore.web.CommandRequestHeaders;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.WebCommands;
import io.aimsledger.eventstore.web.WebCommands.Answer;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.mutiny.Uni;

/** The control catalogue over HTTP (API.md, "controls-service"). Rules live in the decider, not here. */
@Path("/api/v1/controls")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    private static final String CONTROLS = "/api/v1/controls";
    private static final String ID = "id";
    /** What a control id may be (Annex A ids and custom ids alike); anything else is no control. */
    private static final java.util.regex.Pattern CONTROL_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ControlCommandHandler commands;
    private final WebCommands web;
    private final ControlReadModel readModel;
    private final CommandContexts contexts;
    private final EvidenceSummaries evidence;

    public ControlResource(ControlCommandHandler commands, WebCommands web, ControlReadModel readModel,
                           CommandContexts contexts, EvidenceSummaries evidence) {
        this.evidence = evidence;
        this.commands = commands;
        this.web = web;
        this.readModel = readModel;
        this.contexts = contexts;
    }

    @GET
    @RolesAllowed(Access.READ)
    public Uni<Page<ControlView>> list(@QueryParam("objectiveId") String objectiveId,
                                       @QueryParam("applicability") String applicability,
                                       @QueryParam("implementationStatus") String implementationStatus,
                                       @QueryParam("owner") String owner, @QueryParam("framework") String framework,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return readModel.list(new ControlFilter(RequestValues.optionalText(objectiveId),
                RequestValues.optionalEnum(Applicability.class, applicability, "applicability"),
                RequestValues.optionalEnum(ImplementationStatus.class, implementationStatus, "implementationStatus"),
                RequestValues.optionalText(owner),
                empty(framework) ? null : RequestValues.optionalEnum(Framework.class, framework, "framework").name(),
                after(cursor), RequestValues.limit(limit)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<Response> get(@PathParam(ID) String id) {
        return readModel.find(controlId(id)).map(WebCommands.foundOr(
                () -> Rejection.notFound(ControlProblems.NOT_FOUND, "No control has this id."), ControlView::version));
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> catalogue(@Valid @NotNull CatalogueControlRequest request,
                                   @BeanParam CommandRequestHeaders headers) {
        if (AnnexA.isControl(request.id())) {
            throw Rejection.conflict(ControlProblems.EXISTS, "Annex A has a control with this id.");
        }
        var command = new ControlCommand.CatalogueControl(request.id(), ControlSource.CUSTOM, null, null,
                request.title(), request.description(), null);
        return web.handle(commands.command(request.id(), command, contexts.current(headers.correlationId(),
                        request.effectiveAt()), null), web.key(headers, "POST", CONTROLS, request),
                decision -> Answer.created(ControlCommandHandler.location(request.id()),
                        ControlCommandHandler.view(decision)));
    }

    @PUT
    @Path("{id}/applicability")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> applicability(@PathParam(ID) String id, @Valid @NotNull DecideApplicabilityRequest request,
                                       @BeanParam CommandRequestHeaders headers) {
        return change(controlId(id), new ControlCommand.DecideApplicability(request.applicability(),
                request.justification()), headers, null, contexts.current(headers.correlationId(), request.effectiveAt()));
    }

    @PUT
    @Path("{id}/owner")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> owner(@PathParam(ID) String id, @Valid @NotNull AssignOwnerRequest request,
                               @BeanParam CommandRequestHeaders headers) {
        return change(controlId(id), new ControlCommand.AssignOwner(request.owner()), headers, null,
                contexts.current(headers.correlationId(), request.effectiveAt()));
    }

    @POST
    @Path("{id}/implementation")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> implementation(@PathParam(ID) String id, @Valid @NotNull UpdateImplementationRequest request,
                                        @BeanParam CommandRequestHeaders headers) {
        String controlId = controlId(id);
        return change(controlId, new ControlCommand.UpdateImplementation(request.status(), request.description(),
                        request.targetDate()), headers, web.key(headers, "POST", CONTROLS + "/" + controlId
                        + "/implementation", request), contexts.current(headers.correlationId(), request.effectiveAt()));
    }

    @POST
    @Path("{id}/tests")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> test(@PathParam(ID) String id, @Valid @NotNull RecordTestRequest request,
                              @BeanParam CommandRequestHeaders headers) {
        String controlId = controlId(id);
        CommandContext context = contexts.current(headers.correlationId(), request.testedAt());
        var test = new EffectivenessTest(UUID.randomUUID(), request.result(), request.method(), request.notes(),
                context.occurredAt(), context.actor());
        var key = web.key(headers, "POST", CONTROLS + "/" + controlId + "/tests", request);
        return evidence.of(controlId).flatMap(summary -> web.handle(commands.command(controlId,
                        new ControlCommand.RecordTest(test), context, headers.expectedVersion()), key,
                decision -> Answer.created(ControlCommandHandler.location(controlId),
                        ControlCommandHandler.view(decision).withEvidence(summary))));
    }

    /** The control changed as {@code command} says; its view with its evidence, which no control command changes. */
    private Uni<Response> change(String id, ControlCommand command, CommandRequestHeaders headers, IdempotencyKey key,
                                 CommandContext context) {
        return evidence.of(id).flatMap(summary -> web.handle(commands.command(id, command, context,
                headers.expectedVersion()), key, decision -> Answer.ok(ControlCommandHandler.view(decision)
                .withEvidence(summary))));
    }

    /** A control id from the path; one that cannot be an id is no control (404). */
    private static String controlId(String id) {
        if (id == null || !CONTROL_ID.matcher(id).matches()) {
            throw Rejection.notFound(ControlProblems.NOT_FOUND, "No control has this id.");
        }
        return id;
    }

    private static String after(String cursor) {
        if (empty(cursor)) {
            return null;
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CONTROL_ID.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw InvalidRequest.of("cursor", "is not a cursor this API returned");
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}

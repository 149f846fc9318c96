package io.aimsledger.risk.risk.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.risk.v1.RiskLevel;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.web.CommandContexts;
import io.aimsledger.eventstore.web.CommandRequestHeaders;
import io.aimsledger.eventstore.web.EffectiveAt;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.WebCommands;
import io.aimsledger.eventstore.web.WebCommands.Answer;
import io.aimsledger.risk.RiskConfig;
import io.aimsledger.risk.aisystem.References;
import io.aimsledger.risk.risk.application.RiskCommandHandler;
import io.aimsledger.risk.risk.domain.RiskCommand;
import io.aimsledger.risk.risk.domain.RiskProblems;
import io.aimsledger.risk.risk.readmodel.RiskFilter;
import io.aimsledger.risk.risk.readmodel.RiskReadModel;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.mutiny.Uni;

/** The AI risk register over HTTP (API.md, "risk-service"). Rules live in the decider, not here. */
@Path("/api/v1/risks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String RISKS = "/api/v1/risks";
    private static final String ID = "id";

    private final RiskCommandHandler commands;
    private final WebCommands web;
    private final RiskReadModel readModel;
    private final References references;
    private final CommandContexts contexts;
    private final RiskConfig config;

    public RiskResource(RiskCommandHandler commands, WebCommands web, RiskReadModel readModel, References references,
                        CommandContexts contexts, RiskConfig config) {
        this.commands = commands;
        this.web = web;
        this.readModel = readModel;
        this.references = references;
        this.contexts = contexts;
        this.config = config;
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> identify(@Valid @NotNull IdentifyRiskRequest request, @BeanParam CommandRequestHeaders headers) {
        UUID id = UUID.randomUUID();
        var key = web.key(headers, "POST", RISKS, request);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        var command = new RiskCommand.IdentifyRisk(id, request.aiSystemIds(), request.details(), config.appetite());
        return references.requireActive(request.aiSystemIds()).flatMap(ignored -> web.handle(
                commands.command(id, command, context, null), key,
                decision -> Answer.created(RiskCommandHandler.location(id), RiskCommandHandler.view(decision))));
    }

    @GET
    @RolesAllowed(Access.READ)
    public Uni<Page<RiskView>> list(@QueryParam("aiSystemId") String aiSystemId, @QueryParam("status") String status,
                                    @QueryParam("level") String level, @QueryParam("owner") String owner,
                                    @QueryParam("overAppetite") String overAppetite, @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        var filter = new RiskFilter(
                RequestValues.optionalUuid(aiSystemId, "aiSystemId"),
                RequestValues.optionalEnum(RiskStatus.class, status, "status"),
                RequestValues.optionalEnum(RiskLevel.class, level, "level"),
                RequestValues.optionalText(owner), RequestValues.optionalFlag(overAppetite, "overAppetite"),
                PageCursor.decode(cursor), RequestValues.limit(limit));
        return readModel.list(filter);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<Response> get(@PathParam(ID) String id) {
        return readModel.find(RequestValues.uuid(id, ID)).map(WebCommands.foundOr(
                () -> Rejection.notFound(RiskProblems.NOT_FOUND, "No risk has this id."), RiskView::version));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Access.WRITE)
    public Uni<Response> patch(@PathParam(ID) String id, JsonNode body, @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        Instant effectiveAt = EffectiveAt.takeFrom(body);
        var command = new RiskCommand.ChangeRiskDetails(RiskDetailsPatchReader.read(body));
        return change(riskId, command, headers, null, contexts.current(headers.correlationId(), effectiveAt));
    }

    @POST
    @Path("{id}/assessment")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> assess(@PathParam(ID) String id, @Valid @NotNull RatingRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(riskId, new RiskCommand.AssessRisk(request.rating(), request.rationale(), context.actor(),
                config.appetite()), headers, postKey(headers, riskId, "assessment", request), context);
    }

    @POST
    @Path("{id}/treatment")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> treatment(@PathParam(ID) String id, @Valid @NotNull PlanTreatmentRequest request,
                                   @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        var treatment = request.treatment();
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return references.requireKnownControls(treatment.controlIds()).flatMap(ignored -> change(riskId,
                new RiskCommand.PlanTreatment(treatment), headers, postKey(headers, riskId, "treatment", request), context));
    }

    @POST
    @Path("{id}/residual")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> residual(@PathParam(ID) String id, @Valid @NotNull RatingRequest request,
                                  @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(riskId, new RiskCommand.AssessResidualRisk(request.rating(), request.rationale(),
                context.actor(), config.appetite()), headers, postKey(headers, riskId, "residual", request), context);
    }

    @POST
    @Path("{id}/acceptance")
    @RolesAllowed(Access.APPROVE)
    public Uni<Response> accept(@PathParam(ID) String id, @Valid @NotNull AcceptRiskRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(riskId, new RiskCommand.AcceptRisk(context.actor(), request.rationale(), context.occurredAt(),
                request.expiresAt()), headers, postKey(headers, riskId, "acceptance", request), context);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> close(@PathParam(ID) String id, @Valid @NotNull ReasonRequest request,
                               @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        return change(riskId, new RiskCommand.CloseRisk(request.reason()), headers,
                postKey(headers, riskId, "close", request), contexts.current(headers.correlationId(), request.effectiveAt()));
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> reopen(@PathParam(ID) String id, @Valid @NotNull ReasonRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID riskId = RequestValues.uuid(id, ID);
        return change(riskId, new RiskCommand.ReopenRisk(request.reason()), headers,
                postKey(headers, riskId, "reopen", request), contexts.current(headers.correlationId(), request.effectiveAt()));
    }

    private Uni<Response> change(UUID id, RiskCommand command, CommandRequestHeaders headers, IdempotencyKey key,
                                 CommandContext context) {
        return web.handle(commands.command(id, command, context, headers.expectedVersion()), key,
                decision -> Answer.ok(RiskCommandHandler.view(decision)));
    }

    private IdempotencyKey postKey(CommandRequestHeaders headers, UUID id, String action, Object request) {
        return web.key(headers, "POST", RISKS + "/" + id + "/" + action, request);
    }
}

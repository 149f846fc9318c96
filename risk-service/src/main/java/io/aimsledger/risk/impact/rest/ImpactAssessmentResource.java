package io.aimsledger.risk.impact.rest;

import static io.aimsledger.eventstore.web.CommandContexts.EFFECTIVE_AT;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.web.CommandContexts;
import io.aimsledger.eventstore.web.CommandRequestHeaders;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.WebCommands;
import io.aimsledger.eventstore.web.WebCommands.Answer;
import io.aimsledger.risk.aisystem.References;
import io.aimsledger.risk.impact.application.ImpactAssessmentCommandHandler;
import io.aimsledger.risk.impact.domain.ImpactAssessmentCommand;
import io.aimsledger.risk.impact.domain.ImpactAssessmentProblems;
import io.aimsledger.risk.impact.readmodel.ImpactAssessmentFilter;
import io.aimsledger.risk.impact.readmodel.ImpactAssessmentReadModel;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.mutiny.Uni;

/** AI system impact assessments over HTTP (API.md, "risk-service"). Rules live in the decider, not here. */
@Path("/api/v1/impact-assessments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ImpactAssessmentResource {

    private static final String ASSESSMENTS = "/api/v1/impact-assessments";
    private static final String ID = "id";

    private final ImpactAssessmentCommandHandler commands;
    private final WebCommands web;
    private final ImpactAssessmentReadModel readModel;
    private final References references;
    private final CommandContexts contexts;

    public ImpactAssessmentResource(ImpactAssessmentCommandHandler commands, WebCommands web,
                                    ImpactAssessmentReadModel readModel, References references,
                                    CommandContexts contexts) {
        this.commands = commands;
        this.web = web;
        this.readModel = readModel;
        this.references = references;
        this.contexts = contexts;
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> start(@Valid @NotNull StartImpactAssessmentRequest request,
                               @BeanParam CommandRequestHeaders headers) {
        UUID id = UUID.randomUUID();
        var key = web.key(headers, "POST", ASSESSMENTS, request);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        var command = new ImpactAssessmentCommand.StartImpactAssessment(id, request.aiSystemId(), request.scope(),
                context.actor());
        return references.requireActive(List.of(request.aiSystemId())).flatMap(ignored -> web.handle(
                commands.command(id, command, context, null), key, decision -> Answer.created(
                        ImpactAssessmentCommandHandler.location(id), ImpactAssessmentCommandHandler.view(decision))));
    }

    @GET
    @RolesAllowed(Access.READ)
    public Uni<Page<ImpactAssessmentView>> list(@QueryParam("aiSystemId") String aiSystemId,
                                                @QueryParam("status") String status, @QueryParam("stale") String stale,
                                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var filter = new ImpactAssessmentFilter(
                RequestValues.optionalUuid(aiSystemId, "aiSystemId"),
                RequestValues.optionalEnum(ImpactAssessmentStatus.class, status, "status"),
                RequestValues.optionalFlag(stale, "stale"),
                PageCursor.decode(cursor), RequestValues.limit(limit));
        return readModel.list(filter);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<Response> get(@PathParam(ID) String id) {
        return readModel.find(RequestValues.uuid(id, ID)).map(WebCommands.foundOr(
                () -> Rejection.notFound(ImpactAssessmentProblems.NOT_FOUND, "No impact assessment has this id."),
                ImpactAssessmentView::version));
    }

    @POST
    @Path("{id}/impacts")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> identifyImpact(@PathParam(ID) String id, @Valid @NotNull IdentifyImpactRequest request,
                                        @BeanParam CommandRequestHeaders headers) {
        UUID assessmentId = RequestValues.uuid(id, ID);
        var command = new ImpactAssessmentCommand.IdentifyImpact(request.impact(UUID.randomUUID()));
        return web.handle(commands.command(assessmentId, command, contexts.current(headers.correlationId(),
                        request.effectiveAt()), headers.expectedVersion()),
                postKey(headers, assessmentId, "impacts", request), decision -> Answer.created(
                        ImpactAssessmentCommandHandler.location(assessmentId),
                        ImpactAssessmentCommandHandler.view(decision)));
    }

    @DELETE
    @Path("{id}/impacts/{impactId}")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> removeImpact(@PathParam(ID) String id, @PathParam("impactId") String impactId,
                                      @QueryParam(EFFECTIVE_AT) String effectiveAt,
                                      @BeanParam CommandRequestHeaders headers) {
        var command = new ImpactAssessmentCommand.RemoveImpact(RequestValues.uuid(impactId, "impactId"));
        return change(RequestValues.uuid(id, ID), command, headers, null,
                contexts.current(headers.correlationId(), RequestValues.optionalInstant(effectiveAt, EFFECTIVE_AT)));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> submit(@PathParam(ID) String id, @Valid SubmitRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        var body = request == null ? new SubmitRequest(null) : request;
        return submitted(RequestValues.uuid(id, ID), body, headers);
    }

    /** Submitting takes no fields: a client may send no body at all (then {@code ?effectiveAt=} says when). */
    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Access.WRITE)
    public Uni<Response> submitWithoutBody(@PathParam(ID) String id, @QueryParam(EFFECTIVE_AT) String effectiveAt,
                                           @BeanParam CommandRequestHeaders headers) {
        return submitted(RequestValues.uuid(id, ID),
                new SubmitRequest(RequestValues.optionalInstant(effectiveAt, EFFECTIVE_AT)), headers);
    }

    private Uni<Response> submitted(UUID assessmentId, SubmitRequest body, CommandRequestHeaders headers) {
        return change(assessmentId, new ImpactAssessmentCommand.SubmitImpactAssessment(), headers,
                postKey(headers, assessmentId, "submit", body), contexts.current(headers.correlationId(),
                        body.effectiveAt()));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Access.APPROVE)
    public Uni<Response> approve(@PathParam(ID) String id, @Valid @NotNull DecisionRequest request,
                                 @BeanParam CommandRequestHeaders headers) {
        UUID assessmentId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(assessmentId, new ImpactAssessmentCommand.ApproveImpactAssessment(context.actor(),
                        request.comment(), context.occurredAt(), request.nextReviewDue()), headers,
                postKey(headers, assessmentId, "approve", request), context);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Access.APPROVE)
    public Uni<Response> reject(@PathParam(ID) String id, @Valid @NotNull DecisionRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID assessmentId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(assessmentId, new ImpactAssessmentCommand.RejectImpactAssessment(context.actor(),
                request.comment(), context.occurredAt()), headers, postKey(headers, assessmentId, "reject", request),
                context);
    }

    private Uni<Response> change(UUID id, ImpactAssessmentCommand command, CommandRequestHeaders headers,
                                 IdempotencyKey key, CommandContext context) {
        return web.handle(commands.command(id, command, context, headers.expectedVersion()), key,
                decision -> Answer.ok(ImpactAssessmentCommandHandler.view(decision)));
    }

    private IdempotencyKey postKey(CommandRequestHeaders headers, UUID id, String action, Object request) {
        return web.key(headers, "POST", ASSESSMENTS + "/" + id + "/" + action, request);
    }
}

package io.aimsledger.inventory.aisystem.rest;

import static io.aimsledger.eventstore.web.CommandContexts.EFFECTIVE_AT;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.web.CommandContexts;
import io.aimsledger.eventstore.web.CommandRequestHeaders;
import io.aimsledger.eventstore.web.EffectiveAt;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.WebCommands;
import io.aimsledger.eventstore.web.WebCommands.Answer;
import io.aimsledger.inventory.aisystem.application.AiSystemCommandHandler;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemFilter;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemReadModel;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.mutiny.Uni;

/** The AI system registry over HTTP (API.md, "inventory-service"). Rules live in the decider, not here. */
@Path("/api/v1/ai-systems")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AiSystemResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String AI_SYSTEMS = "/api/v1/ai-systems";
    private static final String ID = "id";

    private final AiSystemCommandHandler commands;
    private final WebCommands web;
    private final AiSystemReadModel readModel;
    private final AiSystemEvents events;
    private final CommandContexts contexts;

    public AiSystemResource(AiSystemCommandHandler commands, WebCommands web, AiSystemReadModel readModel, AiSystemEvents events,
                            CommandContexts contexts) {
        this.commands = commands;
        this.web = web;
        this.readModel = readModel;
        this.events = events;
        this.contexts = contexts;
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> register(@Valid @NotNull RegisterAiSystemRequest request, @BeanParam CommandRequestHeaders headers) {
        UUID id = UUID.randomUUID();
        var key = web.key(headers, "POST", AI_SYSTEMS, request);
        var command = commands.command(id, new AiSystemCommand.RegisterAiSystem(id, request.toDescription(),
                request.externalRef()), contexts.current(headers.correlationId(), request.effectiveAt()), null);
        return web.handle(command, key, decision -> Answer.created(AiSystemCommandHandler.location(id),
                AiSystemCommandHandler.view(decision)));
    }

    @GET
    @RolesAllowed(Access.READ)
    public Uni<Page<AiSystemView>> list(@QueryParam("lifecycleStage") String lifecycleStage,
                                        @QueryParam("euAiActRiskClass") String riskClass,
                                        @QueryParam("owner") String owner, @QueryParam("status") String status,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var filter = new AiSystemFilter(
                RequestValues.optionalEnum(LifecycleStage.class, lifecycleStage, "lifecycleStage"),
                RequestValues.optionalEnum(EuAiActRiskClass.class, riskClass, "euAiActRiskClass"),
                RequestValues.optionalText(owner),
                RequestValues.optionalEnum(AiSystemView.Status.class, status, "status"),
                PageCursor.decode(cursor), RequestValues.limit(limit));
        return readModel.list(filter);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<Response> get(@PathParam(ID) String id) {
        return readModel.find(RequestValues.uuid(id, ID)).map(WebCommands.foundOr(
                () -> Rejection.notFound(InventoryProblems.NOT_FOUND, "No AI system has this id."), AiSystemView::version));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Access.WRITE)
    public Uni<Response> patch(@PathParam(ID) String id, JsonNode body, @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        Instant effectiveAt = EffectiveAt.takeFrom(body);
        var command = new AiSystemCommand.ChangeDescription(DescriptionPatchReader.read(body));
        return change(aiSystemId, command, headers, null, effectiveAt);
    }

    @POST
    @Path("{id}/lifecycle")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> changeStage(@PathParam(ID) String id, @Valid @NotNull ChangeLifecycleStageRequest request,
                                     @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        return change(aiSystemId, new AiSystemCommand.ChangeLifecycleStage(request.stage(), request.reason()), headers,
                postKey(headers, aiSystemId, "lifecycle", request), request.effectiveAt());
    }

    @POST
    @Path("{id}/classification")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> classify(@PathParam(ID) String id, @Valid @NotNull ClassifyAiSystemRequest request,
                                  @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        return change(aiSystemId, new AiSystemCommand.ClassifyAiSystem(request.euAiActRiskClass(), request.rationale()),
                headers, postKey(headers, aiSystemId, "classification", request), request.effectiveAt());
    }

    @POST
    @Path("{id}/models")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> addModel(@PathParam(ID) String id, @Valid @NotNull AddModelRequest request,
                                  @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        var command = new AiSystemCommand.AddModel(UUID.randomUUID(), request.name(), request.version(),
                request.provider(), request.registryUri());
        return added(aiSystemId, command, headers, postKey(headers, aiSystemId, "models", request), request.effectiveAt());
    }

    @DELETE
    @Path("{id}/models/{modelId}")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> removeModel(@PathParam(ID) String id, @PathParam("modelId") String modelId,
                                     @QueryParam(EFFECTIVE_AT) String effectiveAt,
                                     @BeanParam CommandRequestHeaders headers) {
        return change(RequestValues.uuid(id, ID), new AiSystemCommand.RemoveModel(RequestValues.uuid(modelId, "modelId")),
                headers, null, RequestValues.optionalInstant(effectiveAt, EFFECTIVE_AT));
    }

    @POST
    @Path("{id}/datasets")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> addDataset(@PathParam(ID) String id, @Valid @NotNull AddDatasetRequest request,
                                    @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        var command = new AiSystemCommand.AddDataset(UUID.randomUUID(), request.name(), request.source(),
                request.containsPersonalData(), request.provenance());
        return added(aiSystemId, command, headers, postKey(headers, aiSystemId, "datasets", request),
                request.effectiveAt());
    }

    @DELETE
    @Path("{id}/datasets/{datasetId}")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> removeDataset(@PathParam(ID) String id, @PathParam("datasetId") String datasetId,
                                       @QueryParam(EFFECTIVE_AT) String effectiveAt,
                                       @BeanParam CommandRequestHeaders headers) {
        return change(RequestValues.uuid(id, ID),
                new AiSystemCommand.RemoveDataset(RequestValues.uuid(datasetId, "datasetId")), headers, null,
                RequestValues.optionalInstant(effectiveAt, EFFECTIVE_AT));
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> retire(@PathParam(ID) String id, @Valid @NotNull RetireAiSystemRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID aiSystemId = RequestValues.uuid(id, ID);
        return change(aiSystemId, new AiSystemCommand.RetireAiSystem(request.reason()), headers,
                postKey(headers, aiSystemId, "retire", request), request.effectiveAt());
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed(Access.READ)
    public Uni<Response> events(@PathParam(ID) String id) {
        return events.of(RequestValues.uuid(id, ID)).map(body -> Response.ok(body).build());
    }

    private Uni<Response> change(UUID id, AiSystemCommand command, CommandRequestHeaders headers, IdempotencyKey key,
                                 Instant effectiveAt) {
        return web.handle(commands.command(id, command, contexts.current(headers.correlationId(), effectiveAt),
                headers.expectedVersion()), key, decision -> Answer.ok(AiSystemCommandHandler.view(decision)));
    }

    private Uni<Response> added(UUID id, AiSystemCommand command, CommandRequestHeaders headers, IdempotencyKey key,
                                Instant effectiveAt) {
        return web.handle(commands.command(id, command, contexts.current(headers.correlationId(), effectiveAt),
                headers.expectedVersion()), key, decision -> Answer.created(AiSystemCommandHandler.location(id),
                AiSystemCommandHandler.view(decision)));
    }

    private IdempotencyKey postKey(CommandRequestHeaders headers, UUID id, String action, Object request) {
        return web.key(headers, "POST", AI_SYSTEMS + "/" + id + "/" + action, request);
    }
}

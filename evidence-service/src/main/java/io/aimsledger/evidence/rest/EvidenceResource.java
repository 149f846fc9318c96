package io.aimsledger.evidence.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.web.CommandContexts;
import io.aimsledger.eventstore.web.CommandRequestHeaders;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.WebCommands;
import io.aimsledger.eventstore.web.WebCommands.Answer;
import io.aimsledger.evidence.application.EvidenceCommandHandler;
import io.aimsledger.evidence.application.Uploads;
import io.aimsledger.evidence.content.ContentReader;
import io.aimsledger.evidence.content.Sha256;
import io.aimsledger.evidence.domain.EvidenceCommand;
import io.aimsledger.evidence.domain.EvidenceProblems;
import io.aimsledger.evidence.readmodel.EvidenceFilter;
import io.aimsledger.evidence.readmodel.EvidenceReadModel;
import io.aimsledger.evidence.replica.References;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Violation;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Evidence over HTTP (API.md, "evidence-service"). Rules live in the decider, not here. */
@Path("/api/v1/evidence")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    private static final String EVIDENCE = "/api/v1/evidence";
    private static final String ID = "id";
    static final String MANUAL = "MANUAL";

    private final EvidenceCommandHandler commands;
    private final WebCommands web;
    private final EvidenceReadModel readModel;
    private final References references;
    private final CommandContexts contexts;
    private final Uploads uploads;
    private final UploadMetadata metadata;
    private final ContentReader content;

    public EvidenceResource(EvidenceCommandHandler commands, WebCommands web, EvidenceReadModel readModel,
                            References references, CommandContexts contexts, Uploads uploads, UploadMetadata metadata,
                            ContentReader content) {
        this.commands = commands;
        this.web = web;
        this.readModel = readModel;
        this.references = references;
        this.contexts = contexts;
        this.uploads = uploads;
        this.metadata = metadata;
        this.content = content;
    }

    /** Evidence held elsewhere: its URI and the SHA-256 of its bytes. */
    @POST
    @RolesAllowed(Access.WRITE)
    public Uni<Response> submitExternal(@Valid @NotNull SubmitEvidenceRequest request,
                                        @BeanParam CommandRequestHeaders headers) {
        List<Violation> missing = new ArrayList<>();
        if (request.externalUri() == null) {
            missing.add(new Violation("externalUri", "is required without a file"));
        }
        if (request.sha256() == null) {
            missing.add(new Violation("sha256", "is required without a file"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequest(missing);
        }
        return submit(request, null, web.key(headers, "POST", EVIDENCE, request), headers);
    }

    /** An uploaded file (part {@code file}) with its {@code metadata} part; stored content-addressed. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Access.WRITE)
    public Uni<Response> upload(@RestForm("metadata") String metadataPart, @RestForm("file") FileUpload file,
                                @BeanParam CommandRequestHeaders headers) {
        SubmitEvidenceRequest request = metadata.read(metadataPart, file != null);
        return uploads.check(new Uploads.Upload(file.uploadedFile(), file.fileName(), mediaType(file)))
                .flatMap(checked -> {
                    if (request.sha256() != null && !request.sha256().equals(checked.hashed().sha256())) {
                        throw Rejection.unprocessable(EvidenceProblems.HASH_MISMATCH, "The file's SHA-256 is "
                                + checked.hashed().sha256() + ", not the sha256 the metadata gives.");
                    }
                    var keyed = new KeyedUpload(request, checked.hashed().sha256(), file.fileName(), mediaType(file));
                    return submit(request, checked, web.key(headers, "POST", EVIDENCE, keyed), headers);
                });
    }

    /** What an upload's Idempotency-Key is bound to: the metadata and the bytes. */
    private record KeyedUpload(SubmitEvidenceRequest metadata, String sha256, String fileName, String mediaType) {
    }

    private Uni<Response> submit(SubmitEvidenceRequest request, Uploads.Checked checked, IdempotencyKey key,
                                 CommandRequestHeaders headers) {
        UUID id = UUID.randomUUID();
        CommandContext context = contexts.current(headers.correlationId(), request.effectiveAt());
        var command = new EvidenceCommand.SubmitEvidence(id, request.title(), request.description(), request.kind(),
                request.controlIds(), request.aiSystemIds(), context.occurredAt(), request.validUntil(),
                context.actor(), MANUAL, checked == null ? null : checked.content(), request.externalUri(),
                checked == null ? request.sha256() : checked.hashed().sha256());
        return references.requireKnownControls(request.controlIds())
                .flatMap(ignored -> references.requireActive(request.aiSystemIds()))
                .flatMap(ignored -> web.handle(commands.command(id, command, context, null), key,
                        decision -> Answer.created(EvidenceCommandHandler.location(id), EvidenceCommandHandler.view(decision)),
                        checked == null ? (transaction, decision) -> Uni.createFrom().voidItem() : uploads.storing(checked)));
    }

    @GET
    @RolesAllowed(Access.READ)
    public Uni<Page<EvidenceView>> list(@QueryParam("controlId") String controlId,
                                        @QueryParam("aiSystemId") String aiSystemId,
                                        @QueryParam("status") String status,
                                        @QueryParam("expiringBefore") String expiringBefore,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var filter = new EvidenceFilter(RequestValues.optionalText(controlId),
                RequestValues.optionalUuid(aiSystemId, "aiSystemId"),
                RequestValues.optionalEnum(EvidenceStatus.class, status, "status"),
                RequestValues.optionalInstant(expiringBefore, "expiringBefore"),
                PageCursor.decode(cursor), RequestValues.limit(limit));
        return readModel.list(filter);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Access.READ)
    public Uni<Response> get(@PathParam(ID) String id) {
        return readModel.find(RequestValues.uuid(id, ID)).map(WebCommands.foundOr(
                () -> Rejection.notFound(EvidenceProblems.NOT_FOUND, "No evidence has this id."), EvidenceView::version));
    }

    /** The stored bytes, checked against their SHA-256 before the first byte is sent. */
    @GET
    @Path("{id}/content")
    @Blocking
    @RolesAllowed(Access.READ)
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam(ID) String id) {
        ContentReader.Verified verified = content.open(RequestValues.uuid(id, ID));
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) verified::writeTo)
                .type(verified.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : verified.mediaType())
                .header("Content-Length", verified.size())
                .header("Repr-Digest", Sha256.reprDigest(verified.sha256()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", ContentDisposition.attachment(verified.fileName()))
                .build();
    }

    @POST
    @Path("{id}/links")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> link(@PathParam(ID) String id, @Valid @NotNull LinkRequest request,
                              @BeanParam CommandRequestHeaders headers) {
        UUID evidenceId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return references.requireKnownControls(request.controlIds())
                .flatMap(ignored -> references.requireActive(request.aiSystemIds()))
                .flatMap(ignored -> change(evidenceId, new EvidenceCommand.LinkEvidence(request.controlIds(),
                        request.aiSystemIds()), headers, postKey(headers, evidenceId, "links", request), context));
    }

    @DELETE
    @Path("{id}/links/{controlId}")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> unlink(@PathParam(ID) String id, @PathParam("controlId") String controlId,
                                @BeanParam CommandRequestHeaders headers) {
        UUID evidenceId = RequestValues.uuid(id, ID);
        return change(evidenceId, new EvidenceCommand.UnlinkControl(controlId), headers, null,
                contexts.current(headers.correlationId()));
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Access.APPROVE)
    public Uni<Response> review(@PathParam(ID) String id, @Valid @NotNull ReviewRequest request,
                                @BeanParam CommandRequestHeaders headers) {
        UUID evidenceId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return change(evidenceId, new EvidenceCommand.ReviewEvidence(context.actor(), request.decision(),
                request.comment(), context.occurredAt()), headers, postKey(headers, evidenceId, "review", request), context);
    }

    @POST
    @Path("{id}/supersede")
    @RolesAllowed(Access.WRITE)
    public Uni<Response> supersede(@PathParam(ID) String id, @Valid @NotNull SupersedeRequest request,
                                   @BeanParam CommandRequestHeaders headers) {
        UUID evidenceId = RequestValues.uuid(id, ID);
        var context = contexts.current(headers.correlationId(), request.effectiveAt());
        return readModel.find(request.byEvidenceId()).flatMap(by -> {
            if (by == null) {
                throw Rejection.unprocessable(EvidenceProblems.UNKNOWN_EVIDENCE, "No evidence has the id "
                        + request.byEvidenceId() + ".");
            }
            return change(evidenceId, new EvidenceCommand.SupersedeEvidence(request.byEvidenceId()), headers,
                    postKey(headers, evidenceId, "supersede", request), context);
        });
    }

    private Uni<Response> change(UUID id, EvidenceCommand command, CommandRequestHeaders headers, IdempotencyKey key,
                                 CommandContext context) {
        return web.handle(commands.command(id, command, context, headers.expectedVersion()), key,
                decision -> Answer.ok(EvidenceCommandHandler.view(decision)));
    }

    private IdempotencyKey postKey(CommandRequestHeaders headers, UUID id, String action, Object request) {
        return web.key(headers, "POST", EVIDENCE + "/" + id + "/" + action, request);
    }

    private static String mediaType(FileUpload file) {
        return Objects.requireNonNullElse(file.contentType(), MediaType.APPLICATION_OCTET_STREAM);
    }
}

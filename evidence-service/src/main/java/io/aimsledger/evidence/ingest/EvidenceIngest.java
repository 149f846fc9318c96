package io.aimsledger.evidence.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.ingest.IngestSchemas;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.ingest.InboundEvent;
import io.aimsledger.eventstore.ingest.IngestCodes;
import io.aimsledger.eventstore.ingest.IngestHandler;
import io.aimsledger.eventstore.ingest.IngestInbox;
import io.aimsledger.eventstore.ingest.IngestResult;
import io.aimsledger.evidence.application.EvidenceCommandHandler;
import io.aimsledger.evidence.application.Uploads;
import io.aimsledger.evidence.domain.EvidenceCommand;
import io.aimsledger.evidence.domain.EvidenceProblems;
import io.aimsledger.evidence.replica.References;
import io.aimsledger.support.problem.ProblemCodes;
import io.smallrye.mutiny.Uni;

/**
 * Evidence an integration submits ({@code io.aimsledger.ingest.evidence-submitted.v1}, API.md): inline
 * {@code contentBase64}, stored as an upload is, or a {@code uri} with its {@code sha256}. The evidence takes
 * effect at {@code effectiveAt}, else at the CloudEvent's {@code time}; its id is derived from the event, so
 * the same event submits the same evidence once. The collector is the integration's account; the source is
 * the event's.
 */
@ApplicationScoped
public class EvidenceIngest implements IngestHandler {

    static final String INBOX = "evidence-ingest";
    private static final String INLINE_MEDIA_TYPE = "application/octet-stream";

    private final EvidenceCommandHandler commands;
    private final References references;
    private final Uploads uploads;
    private final IngestInbox inbox;

    public EvidenceIngest(EvidenceCommandHandler commands, References references, Uploads uploads, IngestInbox inbox) {
        this.commands = commands;
        this.references = references;
        this.uploads = uploads;
        this.inbox = inbox;
    }

    @Override
    public String inbox() {
        return INBOX;
    }

    @Override
    public List<String> types() {
        return List.of(IngestSchemas.EVIDENCE_SUBMITTED);
    }

    @Override
    public Uni<IngestResult> apply(InboundEvent event, JsonNode data, CommandContext context) {
        Instant effectiveAt;
        Instant validUntil;
        try {
            effectiveAt = data.hasNonNull("effectiveAt") ? Instant.parse(data.get("effectiveAt").textValue())
                    : context.occurredAt();
            validUntil = data.hasNonNull("validUntil") ? Instant.parse(data.get("validUntil").textValue()) : null;
        } catch (DateTimeParseException e) {
            return rejected(event, IngestCodes.SCHEMA_INVALID, "effectiveAt and validUntil are ISO-8601 instants");
        }
        if (effectiveAt.isAfter(context.at())) {
            return rejected(event, ProblemCodes.TIME_IN_FUTURE, "effectiveAt " + effectiveAt
                    + " is after this service's clock (" + context.at() + ").");
        }
        List<String> controlIds = texts(data.get("controlIds"));
        List<UUID> aiSystemIds = texts(data.get("aiSystemIds")).stream().map(UUID::fromString).toList();
        CommandContext at = new CommandContext(context.actor(), context.at(), effectiveAt, context.correlationId(),
                context.causationId(), context.traceparent());
        Submission submission = new Submission(event, data, controlIds, aiSystemIds, effectiveAt, validUntil, at);
        return references.requireKnownControls(controlIds)
                .flatMap(ignored -> references.requireActive(aiSystemIds))
                .flatMap(ignored -> data.hasNonNull("contentBase64") ? inline(submission) : external(submission));
    }

    private record Submission(InboundEvent event, JsonNode data, List<String> controlIds, List<UUID> aiSystemIds,
                              Instant effectiveAt, Instant validUntil, CommandContext context) {

        EvidenceCommand.SubmitEvidence command(Uploads.Checked checked) {
            return new EvidenceCommand.SubmitEvidence(event.derivedId(), data.get("title").textValue(), null,
                    EvidenceKind.valueOf(data.get("kind").textValue()), controlIds, aiSystemIds, effectiveAt, validUntil,
                    context.actor(), event.source(), checked == null ? null : checked.content(),
                    checked == null ? data.get("uri").textValue() : null,
                    checked == null ? data.get("sha256").textValue() : checked.hashed().sha256());
        }
    }

    private Uni<IngestResult> inline(Submission submission) {
        String base64 = submission.data().get("contentBase64").textValue();
        if (Uploads.decodedSize(base64) > uploads.maxSize()) {
            return rejected(submission.event(), EvidenceProblems.TOO_LARGE, "Evidence content may hold at most "
                    + uploads.maxSize() + " bytes.");
        }
        return uploads.fromBase64(base64, INLINE_MEDIA_TYPE).flatMap(upload -> uploads.check(upload)
                .flatMap(checked -> submitted(submission, checked, uploads.storing(checked)))
                .eventually(() -> uploads.discard(upload)));
    }

    private Uni<IngestResult> external(Submission submission) {
        return submitted(submission, null, (transaction, decision) -> Uni.createFrom().voidItem());
    }

    private Uni<IngestResult> submitted(Submission submission, Uploads.Checked checked,
                                        CommandHandler.AlsoInTransaction<Evidence, EvidenceEvent> storing) {
        InboundEvent event = submission.event();
        UUID id = event.derivedId();
        return commands.handle(id, submission.command(checked), submission.context(), (transaction, decision) ->
                        storing.apply(transaction, decision).flatMap(stored -> inbox.markProcessed(transaction, INBOX, event)))
                .map(decision -> IngestResult.applied(event.id(), "Submitted evidence " + id + ", PENDING_REVIEW."));
    }

    @Override
    public IngestResult rejected(InboundEvent event, Rejection rejection) {
        // The same event submits the same evidence (its id is derived from the event), which then exists.
        if (rejection.code().equals(EvidenceProblems.EXISTS)) {
            return IngestResult.duplicate(event.id());
        }
        return IngestHandler.super.rejected(event, rejection);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.textValue()));
        }
        return texts;
    }

    private static Uni<IngestResult> rejected(InboundEvent event, String code, String detail) {
        return Uni.createFrom().item(IngestResult.rejected(event.id(), code, detail));
    }
}

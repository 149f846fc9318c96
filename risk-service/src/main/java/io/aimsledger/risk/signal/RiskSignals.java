package io.aimsledger.risk.signal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.ingest.IngestSchemas;
import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskDetails;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;
import io.aimsledger.contracts.risk.v1.RiskSignal;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.ingest.InboundEvent;
import io.aimsledger.eventstore.ingest.IngestCodes;
import io.aimsledger.eventstore.ingest.IngestHandler;
import io.aimsledger.eventstore.ingest.IngestInbox;
import io.aimsledger.eventstore.ingest.IngestResult;
import io.aimsledger.risk.RiskConfig;
import io.aimsledger.risk.aisystem.AiSystemReplica;
import io.aimsledger.risk.aisystem.References;
import io.aimsledger.risk.risk.application.RiskCommandHandler;
import io.aimsledger.risk.risk.domain.RiskCommand;
import io.aimsledger.risk.risk.domain.RiskProblems;
import io.aimsledger.risk.risk.readmodel.RiskReadModel;
import io.aimsledger.support.problem.ProblemCodes;
import io.smallrye.mutiny.Uni;

/**
 * Risk signals from monitoring (API.md; risk-service README, "Risk signals"): a value strictly above its
 * threshold is a breach. A breach is recorded on the open risk of that AI system that carries signals of
 * the same metric in the same category, which returns a TREATED or ACCEPTED risk to ASSESSED; without
 * one it opens a risk, IDENTIFIED, whose source is the integration's. Valid time is {@code observedAt}.
 */
@ApplicationScoped
public class RiskSignals implements IngestHandler {

    static final String INBOX = "risk-ingest";
    static final String UNASSIGNED = "unassigned";

    private final RiskCommandHandler risks;
    private final RiskReadModel readModel;
    private final AiSystemReplica aiSystems;
    private final References references;
    private final IngestInbox inbox;
    private final CommandHandler handler;
    private final RiskConfig config;

    public RiskSignals(RiskCommandHandler risks, RiskReadModel readModel, AiSystemReplica aiSystems,
                       References references, IngestInbox inbox, CommandHandler handler, RiskConfig config) {
        this.risks = risks;
        this.readModel = readModel;
        this.aiSystems = aiSystems;
        this.references = references;
        this.inbox = inbox;
        this.handler = handler;
        this.config = config;
    }

    @Override
    public String inbox() {
        return INBOX;
    }

    @Override
    public List<String> types() {
        return List.of(IngestSchemas.RISK_SIGNAL);
    }

    @Override
    public Uni<IngestResult> apply(InboundEvent event, JsonNode data, CommandContext context) {
        Instant observedAt;
        try {
            observedAt = Instant.parse(data.get("observedAt").textValue());
        } catch (DateTimeParseException e) {
            return rejected(event, IngestCodes.SCHEMA_INVALID, "observedAt: is not an ISO-8601 instant");
        }
        if (observedAt.isAfter(context.at())) {
            return rejected(event, ProblemCodes.TIME_IN_FUTURE, "observedAt " + observedAt
                    + " is after this service's clock (" + context.at() + ").");
        }
        var category = RiskCategory.valueOf(data.get("category").textValue());
        var signal = new RiskSignal(data.get("metric").textValue(), data.get("value").doubleValue(),
                data.get("threshold").doubleValue(), observedAt, event.source(), text(data, "detail"));
        if (!(signal.value() > signal.threshold())) {
            return inbox.remember(INBOX, event).replaceWith(IngestResult.applied(event.id(),
                    "The value is within its threshold: no breach, nothing to do."));
        }
        return aiSystem(data).flatMap(aiSystemId -> {
            if (aiSystemId == null) {
                return rejected(event, RiskProblems.UNKNOWN_AI_SYSTEM, "No AI system has the external reference "
                        + data.get("externalRef").textValue() + " in the inventory.");
            }
            return references.requireActive(List.of(aiSystemId)).flatMap(ignored ->
                    readModel.findOpenWithSignal(aiSystemId, category, signal.metric())).flatMap(open -> open == null
                    ? opened(event, aiSystemId, category, signal, context)
                    : recorded(event, open, signal, context));
        });
    }

    private Uni<IngestResult> recorded(InboundEvent event, RiskReadModel.OpenRisk open, RiskSignal signal,
                                       CommandContext context) {
        Instant validFrom = signal.observedAt().isBefore(open.createdAt()) ? open.createdAt() : signal.observedAt();
        return risks.handle(open.id(), new RiskCommand.RecordSignal(signal, event.key()), at(context, validFrom),
                        inbox.withEntry(INBOX, event))
                .map(decision -> IngestResult.applied(event.id(), "Recorded on risk " + open.id() + ", now "
                        + decision.state().status() + "."));
    }

    private Uni<IngestResult> opened(InboundEvent event, UUID aiSystemId, RiskCategory category, RiskSignal signal,
                                     CommandContext context) {
        UUID id = event.derivedId();
        var details = new RiskDetails(signal.metric() + " " + signal.value() + " beyond its threshold "
                + signal.threshold(), signal.detail(), category, event.source(), UNASSIGNED, null);
        CommandContext observed = at(context, signal.observedAt());
        var identify = new RiskCommand.IdentifyRisk(id, List.of(aiSystemId), details, config.appetite());
        CommandHandler.AlsoInTransaction<Risk, OfRisk> recordAndRemember = (transaction, decision) ->
                handler.decide(transaction, risks.command(id, new RiskCommand.RecordSignal(signal, event.key()),
                        observed, null)).flatMap(recorded -> inbox.markProcessed(transaction, INBOX, event));
        return risks.handle(id, identify, observed, recordAndRemember)
                .map(decision -> IngestResult.applied(event.id(), "Opened risk " + id + "."));
    }

    @Override
    public IngestResult rejected(InboundEvent event, Rejection rejection) {
        // The same event opens the same risk again (its id is derived from the event), which then exists.
        if (rejection.code().equals(RiskProblems.EXISTS)) {
            return IngestResult.duplicate(event.id());
        }
        return IngestHandler.super.rejected(event, rejection);
    }

    private Uni<UUID> aiSystem(JsonNode data) {
        return data.hasNonNull("aiSystemId") ? Uni.createFrom().item(UUID.fromString(data.get("aiSystemId").textValue()))
                : aiSystems.idByExternalRef(data.get("externalRef").textValue());
    }

    private static CommandContext at(CommandContext context, Instant validFrom) {
        return new CommandContext(context.actor(), context.at(), validFrom, context.correlationId(),
                context.causationId(), context.traceparent());
    }

    private static Uni<IngestResult> rejected(InboundEvent event, String code, String detail) {
        return Uni.createFrom().item(IngestResult.rejected(event.id(), code, detail));
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).textValue() : null;
    }
}

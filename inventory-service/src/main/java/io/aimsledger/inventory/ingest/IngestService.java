package io.aimsledger.inventory.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.ingest.IngestSchemas;
import io.aimsledger.contracts.ingest.SchemaViolation;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.inventory.aisystem.application.AiSystemCommandHandler;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemReadModel;
import io.aimsledger.support.problem.ProblemCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Applies the inbound types of the inventory (API.md): validated against their JSON Schemas,
 * idempotent per (source, id) through the inbox, which is written in the same transaction as the
 * change. HTTP and Kafka ingest both come here.
 */
@ApplicationScoped
public class IngestService {

    static final String INBOX = "inventory-ingest";
    static final String DEFAULT_OWNER = "unassigned";
    private static final List<String> HANDLED = List.of(IngestSchemas.AI_SYSTEM_DISCOVERED,
            IngestSchemas.MODEL_VERSION_REGISTERED);

    private final AiSystemCommandHandler commands;
    private final AiSystemReadModel readModel;
    private final Inbox inbox;
    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration clockSkew;

    public IngestService(AiSystemCommandHandler commands, AiSystemReadModel readModel, Inbox inbox, Pool pool, ObjectMapper json,
                         Clock clock, IngestConfig config) {
        this.commands = commands;
        this.readModel = readModel;
        this.inbox = inbox;
        this.pool = pool;
        this.json = json;
        this.clock = clock;
        this.clockSkew = config.clockSkew();
    }

    public Uni<IngestResult> apply(InboundEvent event, String actor) {
        if (!HANDLED.contains(event.type())) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), IngestCodes.UNKNOWN_TYPE,
                    "The inventory accepts " + String.join(" and ", HANDLED) + ", not " + event.type() + "."));
        }
        List<SchemaViolation> violations = IngestSchemas.validate(event.type(), event.data() == null ? "null" : event.data());
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), IngestCodes.SCHEMA_INVALID,
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "))));
        }
        Instant now = clock.instant();
        if (event.time() != null && event.time().isAfter(now.plus(clockSkew))) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), ProblemCodes.TIME_IN_FUTURE, "The event's time "
                    + event.time() + " is more than " + clockSkew + " after this service's clock (" + now + ")."));
        }
        // The event took effect at its time; one slightly ahead of this clock (within the skew) takes effect now.
        Instant effectiveAt = event.time() == null || event.time().isAfter(now) ? null : event.time();
        JsonNode data = parse(event.data());
        CommandContext context = new CommandContext(actor, now, effectiveAt, event.key(), event.id(),
                TraceContexts.currentTraceparent());
        return inbox.isProcessed(new ConnectionTransaction(pool), INBOX, event.key()).flatMap(done -> {
            if (done) {
                return Uni.createFrom().item(IngestResult.duplicate(event.id()));
            }
            return IngestSchemas.AI_SYSTEM_DISCOVERED.equals(event.type())
                    ? discovered(event, data, context) : modelRegistered(event, data, context);
        }).onFailure(Rejection.class).recoverWithItem(e -> rejected(event, (Rejection) e));
    }

    private Uni<IngestResult> discovered(InboundEvent event, JsonNode data, CommandContext context) {
        String externalRef = data.get("externalRef").textValue();
        return readModel.findIdByExternalRef(externalRef).flatMap(existing -> {
            if (existing != null) {
                return remember(event).replaceWith(IngestResult.applied(event.id(),
                        "Already registered as " + existing + "; nothing to do."));
            }
            UUID id = event.derivedId();
            var description = new Description(data.get("name").textValue(), null, data.get("purpose").textValue(),
                    data.hasNonNull("owner") ? data.get("owner").textValue() : DEFAULT_OWNER, null,
                    OrganizationRole.DEPLOYER, null, null, null, List.of(), null);
            return commands.handle(id, new AiSystemCommand.RegisterAiSystem(id, description, externalRef), context,
                            withInboxEntry(event))
                    .map(result -> IngestResult.applied(event.id(), "Registered AI system " + id + "."));
        });
    }

    private Uni<IngestResult> modelRegistered(InboundEvent event, JsonNode data, CommandContext context) {
        Uni<UUID> aiSystem = data.hasNonNull("aiSystemId")
                ? Uni.createFrom().item(UUID.fromString(data.get("aiSystemId").textValue()))
                : readModel.findIdByExternalRef(data.get("externalRef").textValue());
        return aiSystem.flatMap(id -> {
            if (id == null) {
                return Uni.createFrom().item(IngestResult.rejected(event.id(), InventoryProblems.NOT_FOUND,
                        "No AI system has the external reference " + data.get("externalRef").textValue() + "."));
            }
            var command = new AiSystemCommand.AddModel(event.derivedId(), data.get("name").textValue(),
                    data.get("version").textValue(), text(data, "provider"), text(data, "registryUri"));
            return commands.handle(id, command, context, withInboxEntry(event))
                    .map(result -> IngestResult.applied(event.id(), "Added model " + event.derivedId() + " to " + id + "."));
        });
    }

    private static IngestResult rejected(InboundEvent event, Rejection rejection) {
        // Applying the same event again names the same new thing, which then already exists.
        if (rejection.code().equals(InventoryProblems.MODEL_EXISTS) || rejection.code().equals(InventoryProblems.EXISTS)) {
            return IngestResult.duplicate(event.id());
        }
        if (rejection.code().equals(InventoryProblems.EXTERNAL_REF_TAKEN)) {
            return IngestResult.applied(event.id(), "Already registered by a concurrent event; nothing to do.");
        }
        return IngestResult.rejected(event.id(), rejection.code(), rejection.getMessage());
    }

    private CommandHandler.AlsoInTransaction<AiSystem, InventoryEvent> withInboxEntry(InboundEvent event) {
        return (transaction, decision) -> inbox.markProcessed(transaction, INBOX, event.key());
    }

    private Uni<Void> remember(InboundEvent event) {
        return pool.withTransaction(connection -> {
            var transaction = new ConnectionTransaction(connection);
            return inbox.isProcessed(transaction, INBOX, event.key()).flatMap(done -> done
                    ? Uni.createFrom().voidItem() : inbox.markProcessed(transaction, INBOX, event.key()));
        });
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("data passed its schema but is not JSON", e);
        }
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).textValue() : null;
    }
}

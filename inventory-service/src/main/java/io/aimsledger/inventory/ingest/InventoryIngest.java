package io.aimsledger.inventory.ingest;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.contracts.ingest.IngestSchemas;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.ingest.InboundEvent;
import io.aimsledger.eventstore.ingest.IngestHandler;
import io.aimsledger.eventstore.ingest.IngestInbox;
import io.aimsledger.eventstore.ingest.IngestResult;
import io.aimsledger.inventory.aisystem.application.AiSystemCommandHandler;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemReadModel;
import io.smallrye.mutiny.Uni;

/** The inventory's inbound types (API.md): AI systems discovered, model versions registered. */
@ApplicationScoped
public class InventoryIngest implements IngestHandler {

    static final String INBOX = "inventory-ingest";
    static final String DEFAULT_OWNER = "unassigned";

    private final AiSystemCommandHandler commands;
    private final AiSystemReadModel readModel;
    private final IngestInbox inbox;

    public InventoryIngest(AiSystemCommandHandler commands, AiSystemReadModel readModel, IngestInbox inbox) {
        this.commands = commands;
        this.readModel = readModel;
        this.inbox = inbox;
    }

    @Override
    public String inbox() {
        return INBOX;
    }

    @Override
    public List<String> types() {
        return List.of(IngestSchemas.AI_SYSTEM_DISCOVERED, IngestSchemas.MODEL_VERSION_REGISTERED);
    }

    @Override
    public Uni<IngestResult> apply(InboundEvent event, JsonNode data, CommandContext context) {
        return IngestSchemas.AI_SYSTEM_DISCOVERED.equals(event.type())
                ? discovered(event, data, context) : modelRegistered(event, data, context);
    }

    private Uni<IngestResult> discovered(InboundEvent event, JsonNode data, CommandContext context) {
        String externalRef = data.get("externalRef").textValue();
        return readModel.findIdByExternalRef(externalRef).flatMap(existing -> {
            if (existing != null) {
                return inbox.remember(INBOX, event).replaceWith(IngestResult.applied(event.id(),
                        "Already registered as " + existing + "; nothing to do."));
            }
            UUID id = event.derivedId();
            var description = new Description(data.get("name").textValue(), null, data.get("purpose").textValue(),
                    data.hasNonNull("owner") ? data.get("owner").textValue() : DEFAULT_OWNER, null,
                    OrganizationRole.DEPLOYER, null, null, null, List.of(), null);
            return commands.handle(id, new AiSystemCommand.RegisterAiSystem(id, description, externalRef), context,
                            inbox.withEntry(INBOX, event))
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
            return commands.handle(id, command, context, inbox.withEntry(INBOX, event))
                    .map(result -> IngestResult.applied(event.id(), "Added model " + event.derivedId() + " to " + id + "."));
        });
    }

    @Override
    public IngestResult rejected(InboundEvent event, Rejection rejection) {
        // Applying the same event again names the same new thing, which then already exists.
        if (rejection.code().equals(InventoryProblems.MODEL_EXISTS) || rejection.code().equals(InventoryProblems.EXISTS)) {
            return IngestResult.duplicate(event.id());
        }
        if (rejection.code().equals(InventoryProblems.EXTERNAL_REF_TAKEN)) {
            return IngestResult.applied(event.id(), "Already registered by a concurrent event; nothing to do.");
        }
        return IngestHandler.super.rejected(event, rejection);
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).textValue() : null;
    }
}

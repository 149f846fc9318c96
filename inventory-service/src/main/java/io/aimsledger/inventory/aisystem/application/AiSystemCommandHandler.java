package io.aimsledger.inventory.aisystem.application;

import java.net.URI;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand;
import io.aimsledger.inventory.aisystem.domain.AiSystemDecider;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemReadModel;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;

/**
 * AI system commands for the shared pipeline: this domain's decider, codec and read model. A resource
 * hands the command to the web adapter; ingest runs it here with its inbox entry in the same transaction.
 */
@ApplicationScoped
public class AiSystemCommandHandler {

    public static final String STREAM_TYPE = "ai-system";
    private static final AiSystemDecider DECIDER = new AiSystemDecider();
    private static final ContractEventCodec<InventoryEvent> CODEC = new ContractEventCodec<>(InventoryEvent.class);

    private final CommandHandler handler;
    private final AiSystemReadModel readModel;

    public AiSystemCommandHandler(CommandHandler handler, AiSystemReadModel readModel) {
        this.handler = handler;
        this.readModel = readModel;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/ai-systems/" + id);
    }

    /** The API view of the AI system as the command left it. */
    public static AiSystemView view(Decision<AiSystem, InventoryEvent> decision) {
        return AiSystemView.of(decision.state(), decision.version(), decision.createdAt(), decision.updatedAt());
    }

    /** {@code command} on AI system {@code id}, for the pipeline; {@code expected} from {@code If-Match}, or null. */
    public Command<AiSystemCommand, AiSystem, InventoryEvent> command(UUID id, AiSystemCommand command,
                                                                      CommandContext context, ExpectedVersion expected) {
        return new Command<>(id.toString(), STREAM_TYPE, DECIDER, CODEC, command, context, expected,
                readModel::save);
    }

    /** Decides and stores {@code command}, with {@code alsoCommit} on its transaction. */
    @WithSpan("ai-system command")
    public Uni<Decision<AiSystem, InventoryEvent>> handle(UUID id, AiSystemCommand command, CommandContext context,
                                                          CommandHandler.AlsoInTransaction<AiSystem, InventoryEvent>
                                                                  alsoCommit) {
        return handler.handle(command(id, command, context, null), alsoCommit);
    }
}

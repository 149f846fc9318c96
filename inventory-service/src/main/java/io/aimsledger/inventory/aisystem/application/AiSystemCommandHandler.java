package io.aimsledger.inventory.aisystem.application;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.command.CommandResult;
import io.aimsledger.eventstore.command.ContractEventCodec;
import io.aimsledger.eventstore.command.ExpectedVersion;
import io.aimsledger.eventstore.command.IdempotencyKey;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.inventory.aisystem.domain.AiSystemCommand;
import io.aimsledger.inventory.aisystem.domain.AiSystemDecider;
import io.aimsledger.inventory.aisystem.readmodel.AiSystemRows;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Runs AI system commands through the shared command handler, with this domain's decider, codec and read model. */
@ApplicationScoped
public class AiSystemCommands {

    public static final String STREAM_TYPE = "ai-system";
    private static final AiSystemDecider DECIDER = new AiSystemDecider();
    private static final ContractEventCodec<InventoryEvent> CODEC = new ContractEventCodec<>(InventoryEvent.class);

    /**
     * How a command was asked for: the HTTP preconditions, the answer's shape, and anything else that
     * must commit with the change (an ingest's inbox entry).
     */
    public record Options(ExpectedVersion expectedVersion, IdempotencyKey idempotencyKey, int successStatus, URI location,
                          Function<SqlConnection, Uni<Void>> alsoInTransaction) {

        public Options(ExpectedVersion expectedVersion, IdempotencyKey idempotencyKey, int successStatus, URI location) {
            this(expectedVersion, idempotencyKey, successStatus, location, connection -> Uni.createFrom().voidItem());
        }

        public static Options ok(ExpectedVersion expectedVersion) {
            return new Options(expectedVersion, null, 200, null);
        }

        public static Options created(UUID id, IdempotencyKey key) {
            return new Options(null, key, 201, AiSystemCommands.location(id));
        }
    }

    private final CommandHandler handler;
    private final AiSystemRows rows;

    public AiSystemCommands(CommandHandler handler, AiSystemRows rows) {
        this.handler = handler;
        this.rows = rows;
    }

    public static URI location(UUID id) {
        return URI.create("/api/v1/ai-systems/" + id);
    }

    @WithSpan("ai-system command")
    public Uni<CommandResult> handle(UUID id, AiSystemCommand command, CommandContext context, Options options) {
        return handler.handle(new Command<AiSystemCommand, AiSystem, InventoryEvent, AiSystemView>(id.toString(),
                STREAM_TYPE, DECIDER, CODEC, command, context, options.expectedVersion(), options.idempotencyKey(),
                (connection, state, version, events, ctx) -> rows.save(connection, state, version, ctx)
                        .call(() -> options.alsoInTransaction().apply(connection)),
                (connection, state, version) -> rows.find(connection, id),
                options.successStatus(), options.location()));
    }
}

package io.aimsledger.eventstore.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.store.ConcurrencyConflict;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.EventToAppend;
import io.aimsledger.eventstore.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The one way a service changes state: in one transaction, replay an idempotent request or load the
 * stream, check {@code If-Match}, decide, append, update the read model, remember the answer.
 * <p>
 * Nothing is written before the stream is loaded: the outbox relay orders events by their
 * transaction, and a transaction that wrote before it read could publish a later version first.
 */
@ApplicationScoped
public class CommandHandler {

    private static final int ATTEMPTS_WITHOUT_IF_MATCH = 3;

    private final Pool pool;
    private final EventStore store;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public CommandHandler(Pool pool, EventStore store, IdempotencyStore idempotency, ObjectMapper json) {
        this.pool = pool;
        this.store = store;
        this.idempotency = idempotency;
        this.json = json;
    }

    public <C, S, E, V> Uni<CommandResult> handle(Command<C, S, E, V> command) {
        return attempt(command, 1);
    }

    private <C, S, E, V> Uni<CommandResult> attempt(Command<C, S, E, V> command, int attempt) {
        return pool.withTransaction(connection -> replayOrDecide(connection, command))
                .onFailure(ConcurrencyConflict.class)
                .recoverWithUni(conflict -> {
                    // Without If-Match (or with *) the client asked for "the current state", so decide again on it.
                    boolean anyVersion = command.expectedVersion() == null
                            || command.expectedVersion() instanceof ExpectedVersion.AnyExisting;
                    if (anyVersion && attempt < ATTEMPTS_WITHOUT_IF_MATCH) {
                        return attempt(command, attempt + 1);
                    }
                    return Uni.createFrom().failure(conflict);
                });
    }

    private <C, S, E, V> Uni<CommandResult> replayOrDecide(SqlConnection connection, Command<C, S, E, V> command) {
        IdempotencyKey key = command.idempotencyKey();
        if (key == null) {
            return decide(connection, command);
        }
        return idempotency.find(connection, command.context().actor(), key.key())
                .flatMap(stored -> {
                    if (stored == null) {
                        return decide(connection, command)
                                .call(result -> idempotency.remember(connection, command.context().actor(), key, result));
                    }
                    if (!stored.requestHash().equals(key.requestHash())) {
                        return Uni.createFrom().failure(Rejection.unprocessable("idempotency.key-reused",
                                "This Idempotency-Key was used for a different request."));
                    }
                    return Uni.createFrom().item(stored.result());
                });
    }

    private <C, S, E, V> Uni<CommandResult> decide(SqlConnection connection, Command<C, S, E, V> command) {
        return store.readStream(connection, command.streamId()).flatMap(history -> {
            List<E> past = new ArrayList<>(history.size());
            for (StoredEvent stored : history) {
                past.add(command.codec().read(stored));
            }
            long version = history.isEmpty() ? 0 : history.getLast().streamVersion();
            if (command.expectedVersion() != null && !command.expectedVersion().isMetBy(version)) {
                throw new VersionMismatch(command.expectedVersion(), version);
            }
            S state = command.decider().fold(past);
            List<E> events = command.decider().decide(command.command(), state);
            if (events.isEmpty()) {
                return result(connection, command, state, version);
            }
            S next = state;
            List<EventToAppend> toAppend = new ArrayList<>(events.size());
            for (E event : events) {
                next = command.decider().evolve(next, event);
                toAppend.add(new EventToAppend(UUID.randomUUID(), command.codec().type(event), 1,
                        command.context().occurredAt(), command.codec().payload(event)));
            }
            S finalState = next;
            return store.append(connection, command.streamId(), command.streamType(), version, toAppend,
                            command.context().event())
                    .call(newVersion -> command.readModel().apply(connection, finalState, newVersion, events,
                            command.context()))
                    .flatMap(newVersion -> result(connection, command, finalState, newVersion));
        });
    }

    private <C, S, E, V> Uni<CommandResult> result(SqlConnection connection, Command<C, S, E, V> command, S state,
                                                   long version) {
        return command.view().load(connection, state, version).map(view -> {
            try {
                return new CommandResult(command.successStatus(), version,
                        command.location() == null ? null : command.location().toString(),
                        json.writeValueAsString(view), false);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the view could not be written as JSON", e);
            }
        });
    }
}

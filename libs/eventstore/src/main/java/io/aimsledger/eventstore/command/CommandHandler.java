package io.aimsledger.eventstore.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.eventstore.relay.CommitSignal;
import io.aimsledger.eventstore.store.ConcurrencyConflict;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.EventToAppend;
import io.aimsledger.eventstore.store.StoredEvent;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.eventstore.tx.Transactions;
import io.smallrye.mutiny.Uni;

/**
 * The one way a service changes state, whoever asks (a resource, Kafka ingest, a reaction to another
 * domain's event): in one transaction, load the stream, check the expected version, decide, append,
 * update the read model, and whatever else the caller must commit with it (an inbox entry, a stored
 * idempotent answer). It knows nothing of HTTP. After the commit the relay is woken to publish.
 * <p>
 * Nothing is written before the stream is loaded: the outbox relay orders events by their
 * transaction, and a transaction that wrote before it read could publish a later version first.
 */
@ApplicationScoped
public class CommandHandler {

    private static final int ATTEMPTS_WITHOUT_IF_MATCH = 3;

    private final Transactions transactions;
    private final EventStore store;
    private final CommitSignal committed;

    public CommandHandler(Transactions transactions, EventStore store, CommitSignal committed) {
        this.transactions = transactions;
        this.store = store;
        this.committed = committed;
    }

    /** Decides and stores {@code command} in a transaction of its own. */
    public <C, S, E> Uni<Decision<S, E>> handle(Command<C, S, E> command) {
        return handle(command, (connection, decision) -> Uni.createFrom().voidItem());
    }

    /** Decides and stores {@code command}, and runs {@code alsoCommit} on the same transaction. */
    public <C, S, E> Uni<Decision<S, E>> handle(Command<C, S, E> command, AlsoInTransaction<S, E> alsoCommit) {
        return inTransaction(command.expectedVersion(), transaction -> decide(transaction, command)
                .call(decision -> alsoCommit.apply(transaction, decision)));
    }

    /**
     * Runs {@code work} (which decides one command with {@link #decide}) in a transaction, and again on
     * a concurrent change when the caller asked for no particular version; wakes the relay after it.
     */
    public <R> Uni<R> inTransaction(ExpectedVersion expected, Function<Transaction, Uni<R>> work) {
        return attempt(expected, work, 1);
    }

    private <R> Uni<R> attempt(ExpectedVersion expected, Function<Transaction, Uni<R>> work, int attempt) {
        return transactions.inTransaction(work)
                .invoke(committed::wakeUp)
                .onFailure(ConcurrencyConflict.class)
                .recoverWithUni(conflict -> {
                    // Without If-Match (or with *) the client asked for "the current state", so decide again on it.
                    boolean anyVersion = expected == null || expected instanceof ExpectedVersion.AnyExisting;
                    if (anyVersion && attempt < ATTEMPTS_WITHOUT_IF_MATCH) {
                        return attempt(expected, work, attempt + 1);
                    }
                    return Uni.createFrom().failure(conflict);
                });
    }

    /** Loads, decides, appends and updates the read model in {@code transaction}. */
    public <C, S, E> Uni<Decision<S, E>> decide(Transaction transaction, Command<C, S, E> command) {
        return store.readStream(transaction, command.streamId()).flatMap(history -> {
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
            Instant createdAt = history.isEmpty() ? command.context().occurredAt() : history.getFirst().occurredAt();
            if (events.isEmpty()) {
                Instant updatedAt = history.isEmpty() ? createdAt : history.getLast().occurredAt();
                return Uni.createFrom().item(new Decision<>(version, state, events, createdAt, updatedAt));
            }
            S next = state;
            List<EventToAppend> toAppend = new ArrayList<>(events.size());
            for (E event : events) {
                next = command.decider().evolve(next, event);
                toAppend.add(new EventToAppend(UUID.randomUUID(), command.codec().type(event), 1,
                        command.context().occurredAt(), command.codec().payload(event)));
            }
            S finalState = next;
            return store.append(transaction, command.streamId(), command.streamType(), version, toAppend,
                            command.context().event())
                    .map(newVersion -> new Decision<>(newVersion, finalState, events, createdAt,
                            command.context().occurredAt()))
                    .call(decision -> command.readModel().apply(transaction, decision));
        });
    }

    /** Work the caller commits with the command's decision (an inbox entry, say). */
    @FunctionalInterface
    public interface AlsoInTransaction<S, E> {
        Uni<Void> apply(Transaction transaction, Decision<S, E> decision);
    }
}

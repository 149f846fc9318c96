package io.aimsledger.eventstore.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;
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

    /** A change back-dated to before its entity existed. */
    public static final String TIME_BEFORE_CREATION = "time.before-creation";
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

    /**
     * Loads, decides, appends and updates the read model in {@code transaction}. A stream is folded in
     * the order its events took effect (valid time, then stream version), as the audit folds it, so a
     * back-dated command changes the state from its valid time on, and the current state is the
     * audit's "as of now".
     */
    public <C, S, E> Uni<Decision<S, E>> decide(Transaction transaction, Command<C, S, E> command) {
        return store.readStream(transaction, command.streamId()).flatMap(history -> {
            long version = history.isEmpty() ? 0 : history.getLast().streamVersion();
            if (command.expectedVersion() != null && !command.expectedVersion().isMetBy(version)) {
                throw new VersionMismatch(command.expectedVersion(), version);
            }
            List<Effect<E>> effects = new ArrayList<>(history.size() + 1);
            for (StoredEvent stored : history) {
                effects.add(new Effect<>(stored.occurredAt(), stored.streamVersion(), command.codec().read(stored)));
            }
            effects.sort(VALID_TIME_ORDER);
            Instant effectiveAt = command.context().occurredAt();
            if (!effects.isEmpty() && effectiveAt.isBefore(effects.getFirst().at())) {
                throw Rejection.unprocessable(TIME_BEFORE_CREATION, "The change would take effect at " + effectiveAt
                        + ", before the " + command.streamType() + " existed (" + effects.getFirst().at() + ").");
            }
            S state = fold(command.decider(), effects);
            List<E> events = command.decider().decide(command.command(), state);
            if (events.isEmpty()) {
                return Uni.createFrom().item(decision(version, state, events, effects, effectiveAt));
            }
            List<EventToAppend> toAppend = new ArrayList<>(events.size());
            long next = version;
            for (E event : events) {
                effects.add(new Effect<>(effectiveAt, ++next, event));
                toAppend.add(new EventToAppend(UUID.randomUUID(), command.codec().type(event), 1, effectiveAt,
                        command.codec().payload(event)));
            }
            effects.sort(VALID_TIME_ORDER);
            S after = fold(command.decider(), effects);
            return store.append(transaction, command.streamId(), command.streamType(), version, toAppend,
                            command.context().event())
                    .map(newVersion -> decision(newVersion, after, events, effects, effectiveAt))
                    .call(decision -> command.readModel().apply(transaction, decision));
        });
    }

    /** An event with when it took effect and its place in the stream. */
    private record Effect<E>(Instant at, long version, E event) {
    }

    private static final Comparator<Effect<?>> VALID_TIME_ORDER =
            Comparator.<Effect<?>, Instant>comparing(Effect::at).thenComparingLong(Effect::version);

    private static <S, E> S fold(Decider<?, S, E> decider, List<Effect<E>> effects) {
        S state = decider.initialState();
        for (Effect<E> effect : effects) {
            state = decider.evolve(state, effect.event());
        }
        return state;
    }

    private static <S, E> Decision<S, E> decision(long version, S state, List<E> events, List<Effect<E>> effects,
                                                  Instant effectiveAt) {
        Instant createdAt = effects.isEmpty() ? effectiveAt : effects.getFirst().at();
        Instant updatedAt = effects.isEmpty() ? effectiveAt : effects.getLast().at();
        return new Decision<>(version, state, events, createdAt, updatedAt);
    }

    /** Work the caller commits with the command's decision (an inbox entry, say). */
    @FunctionalInterface
    public interface AlsoInTransaction<S, E> {
        Uni<Void> apply(Transaction transaction, Decision<S, E> decision);
    }
}

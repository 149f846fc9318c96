package io.aimsledger.eventstore.command;

import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * Brings a service's read model up to date with what a command decided (the new state, its version,
 * the events, when the entity was created and last changed), in the command's own transaction.
 */
@FunctionalInterface
public interface ReadModelUpdate<S, E> {

    Uni<Void> apply(Transaction transaction, Decision<S, E> decision);
}

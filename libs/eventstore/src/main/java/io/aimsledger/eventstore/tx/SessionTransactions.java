package io.aimsledger.eventstore.tx;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Transactions on Hibernate Reactive's stateless sessions: the service's entities and the event
 * store's SQL share the session's connection and transaction (docs/adr/0006-one-transaction-on-hibernate-reactive.md).
 */
@ApplicationScoped
public class SessionTransactions implements Transactions {

    private final Mutiny.SessionFactory sessions;

    public SessionTransactions(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public <R> Uni<R> inTransaction(Function<Transaction, Uni<R>> work) {
        return sessions.withStatelessTransaction(session -> work.apply(new SessionTransaction(session)));
    }
}

package io.aimsledger.eventstore.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Ingested events in the inbox, so that a second delivery (source and id) changes nothing. */
@ApplicationScoped
public class IngestInbox {

    private final Inbox inbox;
    private final Pool pool;

    public IngestInbox(Inbox inbox, Pool pool) {
        this.inbox = inbox;
        this.pool = pool;
    }

    public Uni<Boolean> isProcessed(String consumer, InboundEvent event) {
        return inbox.isProcessed(new ConnectionTransaction(pool), consumer, event.key());
    }

    /** The inbox entry, committed with the command the event caused. */
    public <S, E> CommandHandler.AlsoInTransaction<S, E> withEntry(String consumer, InboundEvent event) {
        return (transaction, decision) -> markProcessed(transaction, consumer, event);
    }

    public Uni<Void> markProcessed(Transaction transaction, String consumer, InboundEvent event) {
        return inbox.markProcessed(transaction, consumer, event.key());
    }

    /** Records an event that changed nothing as processed, unless it is already. */
    public Uni<Void> remember(String consumer, InboundEvent event) {
        return pool.withTransaction(connection -> {
            var transaction = new ConnectionTransaction(connection);
            return inbox.isProcessed(transaction, consumer, event.key()).flatMap(done -> done
                    ? Uni.createFrom().voidItem() : inbox.markProcessed(transaction, consumer, event.key()));
        });
    }
}

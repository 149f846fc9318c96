package io.aimsledger.eventstore.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * The events a consumer has applied. Use it inside the transaction of the effect: ask
 * {@link #isProcessed} first (a read, so the transaction writes nothing before its effect), apply the
 * effect, then {@link #markProcessed}. A redelivered event is then seen as processed and changes nothing;
 * two deliveries racing meet at the primary key and one rolls back.
 */
@ApplicationScoped
public class Inbox {

    public Uni<Boolean> isProcessed(Transaction transaction, String consumer, String eventId) {
        return transaction.query("select 1 from inbox_processed where consumer = $1 and event_id = $2", consumer, eventId)
                .map(rows -> !rows.isEmpty());
    }

    public Uni<Void> markProcessed(Transaction transaction, String consumer, String eventId) {
        return transaction.update("insert into inbox_processed (consumer, event_id) values ($1, $2)", consumer, eventId)
                .replaceWithVoid();
    }
}

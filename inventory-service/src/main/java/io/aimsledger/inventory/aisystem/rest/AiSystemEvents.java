package io.aimsledger.inventory.aisystem.rest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.PublishedEvents;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** An AI system's stream as a JSON array of the CloudEvents published for it, oldest first. */
@ApplicationScoped
public class AiSystemEvents {

    private final EventStore store;
    private final Pool pool;

    public AiSystemEvents(EventStore store, Pool pool) {
        this.store = store;
        this.pool = pool;
    }

    public Uni<String> of(UUID id) {
        return store.readStream(new ConnectionTransaction(pool), id.toString()).map(stream -> {
            if (stream.isEmpty()) {
                throw Rejection.notFound(InventoryProblems.NOT_FOUND, "No AI system has this id.");
            }
            var body = new StringBuilder("[");
            stream.forEach(event -> {
                if (body.length() > 1) {
                    body.append(',');
                }
                body.append(new String(CloudEventCodec.toJson(PublishedEvents.envelope(event)), StandardCharsets.UTF_8));
            });
            return body.append(']').toString();
        });
    }
}

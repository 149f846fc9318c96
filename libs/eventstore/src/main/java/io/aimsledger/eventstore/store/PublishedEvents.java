package io.aimsledger.eventstore.store;

import java.nio.charset.StandardCharsets;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.DomainContract;
import io.aimsledger.contracts.EventEnvelope;

/** A stored event as the platform publishes it: the CloudEvents envelope of its contract. */
public final class PublishedEvents {

    private PublishedEvents() {
    }

    public static DomainContract contractOf(StoredEvent event) {
        return Contracts.REGISTRY.contractOfType(event.type())
                .orElseThrow(() -> new IllegalStateException("no published contract has type " + event.type()));
    }

    public static EventEnvelope envelope(StoredEvent event) {
        return new EventEnvelope(event.eventId(), event.type(), contractOf(event).source(), event.streamId(),
                event.occurredAt(), event.streamVersion(), event.actor(), event.correlationId(), event.causationId(),
                event.traceparent(), event.payload().getBytes(StandardCharsets.UTF_8));
    }
}

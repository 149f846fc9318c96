package io.aimsledger.eventstore.store;

/** Who caused a batch of events and in which context: the acting user, correlation, causation, trace. */
public record EventMetadata(String actor, String correlationId, String causationId, String traceparent) {

    public EventMetadata {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every event needs an actor");
        }
    }
}

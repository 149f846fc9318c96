package io.aimsledger.eventstore.command;

import io.aimsledger.eventstore.store.StoredEvent;

/** How a service's domain events are stored: to the published contract's type and JSON, and back. */
public interface EventCodec<E> {

    /** The CloudEvents type of a domain event (from the contract registry). */
    String type(E event);

    String payload(E event);

    E read(StoredEvent stored);
}

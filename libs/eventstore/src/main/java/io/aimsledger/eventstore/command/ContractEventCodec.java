package io.aimsledger.eventstore.command;

import java.nio.charset.StandardCharsets;

import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.eventstore.store.StoredEvent;

/** Stores a domain's published event records as their contract types and JSON payloads. */
public final class ContractEventCodec<E> implements EventCodec<E> {

    private final Class<E> events;

    public ContractEventCodec(Class<E> events) {
        this.events = events;
    }

    @Override
    public String type(E event) {
        return Contracts.REGISTRY.typeOf(event);
    }

    @Override
    public String payload(E event) {
        return new String(PayloadCodec.write(event), StandardCharsets.UTF_8);
    }

    @Override
    public E read(StoredEvent stored) {
        return events.cast(PayloadCodec.read(stored.type(), stored.payload().getBytes(StandardCharsets.UTF_8)));
    }
}

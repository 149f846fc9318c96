package io.aimsledger.eventstore.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.eventstore.command.EventCodec;
import io.aimsledger.eventstore.store.StoredEvent;
import io.aimsledger.decider.sample.Counter.Event;

/** Stores the sample counter's events as JSON under test types. */
public final class CounterCodec implements EventCodec<Event> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type(Event event) {
        return "test.counter." + event.getClass().getSimpleName();
    }

    @Override
    public String payload(Event event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Event read(StoredEvent stored) {
        try {
            return switch (stored.type()) {
                case "test.counter.Opened" -> JSON.readValue(stored.payload(), Event.Opened.class);
                case "test.counter.Incremented" -> JSON.readValue(stored.payload(), Event.Incremented.class);
                case "test.counter.Closed" -> new Event.Closed();
                default -> throw new IllegalStateException("unknown type " + stored.type());
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

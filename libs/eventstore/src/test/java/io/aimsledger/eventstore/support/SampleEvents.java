package io.aimsledger.eventstore.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.aimsledger.eventstore.store.EventMetadata;
import io.aimsledger.eventstore.store.EventToAppend;

/** Events to append in store and relay tests: a published type (so the relay can route it) with a small payload. */
public final class SampleEvents {

    public static final String TYPE = "io.aimsledger.inventory.ai-system-description-changed.v1";
    public static final String STREAM_TYPE = "ai-system";
    public static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private SampleEvents() {
    }

    public static EventToAppend event(int n) {
        return new EventToAppend(UUID.randomUUID(), TYPE, 1, Instant.parse("2026-03-31T10:15:30Z"),
                "{\"n\":" + n + "}");
    }

    public static List<EventToAppend> events(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(SampleEvents::event).toList();
    }

    public static EventMetadata metadata() {
        return new EventMetadata("alice", "corr-1", "cause-1", TRACEPARENT);
    }
}

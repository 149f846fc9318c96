package io.aimsledger.eventstore.command;

import java.time.Instant;
import java.util.List;

/**
 * What the pipeline decided and stored for a command: the stream's version and state after it, the
 * new events (none when the command changed nothing), and when the stream began and last changed.
 */
public record Decision<S, E>(long version, S state, List<E> events, Instant createdAt, Instant updatedAt) {

    public Decision {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }

    /** True when these events began the stream: a read model inserts its row instead of updating it. */
    public boolean began() {
        return changed() && version == events.size();
    }
}

package io.aimsledger.eventstore.command;

import java.util.UUID;

import io.aimsledger.decider.Decider;

/**
 * One kind of aggregate for the pipeline: its stream type, decider, codec and read model, from which a
 * domain command on one stream becomes a {@link Command}.
 */
public record Aggregate<C, S, E>(String streamType, Decider<C, S, E> decider, EventCodec<E> codec,
                                 ReadModelUpdate<S, E> readModel) {

    /** {@code command} on stream {@code id}; {@code expected} from {@code If-Match}, or null. */
    public Command<C, S, E> command(UUID id, C command, CommandContext context, ExpectedVersion expected) {
        return new Command<>(id.toString(), streamType, decider, codec, command, context, expected, readModel);
    }
}

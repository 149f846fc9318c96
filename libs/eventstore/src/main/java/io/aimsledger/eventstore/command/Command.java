package io.aimsledger.eventstore.command;

import io.aimsledger.decider.Decider;

/**
 * Everything the command pipeline needs for one command against one stream; nothing about how it was
 * asked for (HTTP, Kafka, another domain's event) beyond the context and the expected version.
 *
 * @param expectedVersion what {@code If-Match} (or the caller) asks of the version, or null: any
 * @param readModel       brings the service's read model up to date on the command's transaction
 */
public record Command<C, S, E>(String streamId, String streamType, Decider<C, S, E> decider, EventCodec<E> codec,
                               C command, CommandContext context, ExpectedVersion expectedVersion,
                               ReadModelUpdate<S, E> readModel) {
}

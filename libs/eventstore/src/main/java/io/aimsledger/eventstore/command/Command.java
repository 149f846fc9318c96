package io.aimsledger.eventstore.command;

import java.net.URI;
import io.aimsledger.decider.Decider;

/**
 * Everything the command handler needs for one command against one stream.
 *
 * @param expectedVersion what {@code If-Match} asks of the version, or null when the client did not say
 * @param idempotencyKey  from {@code Idempotency-Key}, or null
 * @param successStatus   201 for a creation, 200 otherwise
 * @param location        where the resource lives, for a 201; may be null
 * @param view            what the client gets back: the resource's view, read after the change
 */
public record Command<C, S, E, V>(String streamId, String streamType, Decider<C, S, E> decider, EventCodec<E> codec,
                                  C command, CommandContext context, ExpectedVersion expectedVersion,
                                  IdempotencyKey idempotencyKey, ReadModelUpdate<S, E> readModel,
                                  ViewQuery<S, V> view, int successStatus, URI location) {
}

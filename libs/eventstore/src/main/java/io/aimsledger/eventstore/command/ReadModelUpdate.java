package io.aimsledger.eventstore.command;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Brings a service's read model up to date with new events, on the command's own transaction; the
 * context says who made the change and when it took effect.
 */
@FunctionalInterface
public interface ReadModelUpdate<S, E> {

    Uni<Void> apply(SqlConnection connection, S state, long version, List<E> events, CommandContext context);
}

package io.aimsledger.eventstore.command;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * What the client gets back after a command: usually the resource's row in the read model, read on
 * the command's own transaction (so it includes this change), or something derived from the state.
 */
@FunctionalInterface
public interface ViewQuery<S, V> {

    Uni<V> load(SqlConnection connection, S state, long version);
}

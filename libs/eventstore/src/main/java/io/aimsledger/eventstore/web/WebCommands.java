package io.aimsledger.eventstore.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Uni;

/**
 * The web adapter of the command pipeline, one for every resource: replays an idempotent request or
 * has the command decided, turns the decision into the resource's answer (status, {@code Location},
 * {@code ETag}, view), and keeps that answer for its {@code Idempotency-Key}, all in the command's
 * transaction. The view is built from the decided state, not read back from the read model.
 */
@ApplicationScoped
public class WebCommands {

    /** How a resource answers a decision: the status, where the resource lives (or null), and its view. */
    public record Answer(int status, URI location, Object view) {

        public static Answer ok(Object view) {
            return new Answer(200, null, view);
        }

        public static Answer created(URI location, Object view) {
            return new Answer(201, location, view);
        }
    }

    private final CommandHandler handler;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public WebCommands(CommandHandler handler, IdempotencyStore idempotency, ObjectMapper json) {
        this.handler = handler;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** @param key the request's {@code Idempotency-Key} with its hash, or null */
    public <C, S, E> Uni<Response> handle(Command<C, S, E> command, IdempotencyKey key,
                                          Function<Decision<S, E>, Answer> answer) {
        return handle(command, key, answer, (transaction, decision) -> Uni.createFrom().voidItem());
    }

    /** As {@link #handle(Command, IdempotencyKey, Function)}, with {@code alsoCommit} on the command's transaction. */
    public <C, S, E> Uni<Response> handle(Command<C, S, E> command, IdempotencyKey key,
                                          Function<Decision<S, E>, Answer> answer,
                                          CommandHandler.AlsoInTransaction<S, E> alsoCommit) {
        return handler.inTransaction(command.expectedVersion(), transaction -> key == null
                        ? decided(transaction, command, answer, alsoCommit)
                        : replayOrDecide(transaction, command, key, answer, alsoCommit))
                .map(CommandHeaders::response);
    }

    private <C, S, E> Uni<CommandResponse> replayOrDecide(Transaction transaction, Command<C, S, E> command,
                                                          IdempotencyKey key, Function<Decision<S, E>, Answer> answer,
                                                          CommandHandler.AlsoInTransaction<S, E> alsoCommit) {
        String actor = command.context().actor();
        return idempotency.find(transaction, actor, key.key()).flatMap(stored -> {
            if (stored == null) {
                return decided(transaction, command, answer, alsoCommit)
                        .call(response -> idempotency.remember(transaction, actor, key, response));
            }
            if (!stored.requestHash().equals(key.requestHash())) {
                return Uni.createFrom().failure(Rejection.unprocessable("idempotency.key-reused",
                        "This Idempotency-Key was used for a different request."));
            }
            return Uni.createFrom().item(stored.response());
        });
    }

    private <C, S, E> Uni<CommandResponse> decided(Transaction transaction, Command<C, S, E> command,
                                                   Function<Decision<S, E>, Answer> answer,
                                                   CommandHandler.AlsoInTransaction<S, E> alsoCommit) {
        return handler.decide(transaction, command).call(decision -> alsoCommit.apply(transaction, decision)).map(decision -> {
            Answer answered = answer.apply(decision);
            return new CommandResponse(answered.status(), decision.version(),
                    answered.location() == null ? null : answered.location().toString(), write(answered.view()), false);
        });
    }

    /**
     * The {@code Idempotency-Key} of a request (or null without one), bound to its method, path and
     * body as read, so that a repeat with another body is told apart.
     */
    public IdempotencyKey key(CommandRequestHeaders headers, String method, String path, Object request) {
        try {
            return headers.idempotencyKey(method, path, json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request record can always be written as JSON", e);
        }
    }

    /** {@code 200} with the view and its {@code ETag}. */
    public static Response found(Object view, long version) {
        return Response.ok(view).header("ETag", CommandHeaders.etag(version)).build();
    }

    /** The answer of a {@code GET} by id: the view found, with its {@code ETag}, or {@code notFound} when there is none. */
    public static <V> Function<V, Response> foundOr(Supplier<Rejection> notFound, ToLongFunction<V> version) {
        return view -> {
            if (view == null) {
                throw notFound.get();
            }
            return found(view, version.applyAsLong(view));
        };
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the view could not be written as JSON", e);
        }
    }
}

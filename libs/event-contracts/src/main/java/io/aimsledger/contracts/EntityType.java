package io.aimsledger.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * An entity of the published language: the events of one contract that are about it (the CloudEvent
 * subject is its id), and the pure fold from them to its state, which the owning service decides on
 * and the audit projection derives its versions with (docs/adr/0007-entity-folds-in-the-published-language.md).
 *
 * @param name       the entity type as the audit names it ({@code ai-system})
 * @param collection its plural as paths name it ({@code ai-systems}); the state document's key is its
 *                   camel case ({@code aiSystems})
 * @param events     the contract's events about this entity: the contract's sealed interface, or a
 *                   sealed interface within it when a contract has several entity types
 * @param exists     whether the state is an entity yet (before its first event, or after an event that
 *                   does not create it, it is not)
 * @param ended      whether the entity was retired, closed or withdrawn in this state
 * @param view       its published state as the API shows it, with the stream's version and its times
 */
public record EntityType<S, E>(String name, String collection, DomainContract contract, Class<E> events, S initial,
                               BiFunction<S, E, S> evolve, Predicate<S> exists, Predicate<S> ended, View<S> view) {

    /** The published state, built from the folded state and what the stream says about it. */
    @FunctionalInterface
    public interface View<S> {
        Object of(S state, long version, Instant createdAt, Instant updatedAt);
    }

    public boolean concerns(Class<?> payload) {
        return events.isAssignableFrom(payload);
    }

    /** The CloudEvents types of this entity's events. */
    public List<String> eventTypes() {
        return java.util.Arrays.stream(contract.events().getPermittedSubclasses())
                .filter(this::concerns).map(contract::typeOf).toList();
    }

    /** Evolves an untyped state with an untyped event (the audit holds events of every type). */
    @SuppressWarnings("unchecked")
    public Object evolveAny(Object state, Object event) {
        return evolve.apply((S) state, events.cast(event));
    }

    @SuppressWarnings("unchecked")
    public boolean existsAny(Object state) {
        return exists.test((S) state);
    }

    @SuppressWarnings("unchecked")
    public boolean endedAny(Object state) {
        return ended.test((S) state);
    }

    @SuppressWarnings("unchecked")
    public Object viewAny(Object state, long version, Instant createdAt, Instant updatedAt) {
        return view.of((S) state, version, createdAt, updatedAt);
    }

    /** The folded state as JSON, kept beside a version so that the next event evolves it without a re-fold. */
    public String writeState(Object state) {
        return new String(PayloadCodec.write(state), StandardCharsets.UTF_8);
    }

    /** A folded state written by {@link #writeState}. */
    public Object readState(String json) {
        return PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), initial.getClass());
    }

    /** {@code ai-systems} -> {@code aiSystems}: the key of this type's list in the whole-state document. */
    public String stateKey() {
        return camel(collection);
    }

    public static String camel(String kebab) {
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}

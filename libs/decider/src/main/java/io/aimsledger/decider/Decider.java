package io.aimsledger.decider;

import java.util.List;

/**
 * The pure core of an aggregate: what a command decides given the state, and how an event changes
 * the state. No I/O, no clock, no framework: time and actor arrive in the command.
 */
public interface Decider<C, S, E> {

    S initialState();

    /** The events the command causes, or a {@link Rejection}. An empty list means nothing changes. */
    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}

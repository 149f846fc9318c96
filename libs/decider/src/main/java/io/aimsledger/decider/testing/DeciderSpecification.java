package io.aimsledger.decider.testing;

import java.util.List;

import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;

/**
 * Given/when/then over events, for testing a decider with nothing started:
 * <pre>
 * DeciderSpecification.of(new AiSystemDecider())
 *     .given(registered)
 *     .when(retire)
 *     .then(retired);            // or .thenRejectedWith("ai-system.retired"), or .thenNothingHappens()
 * </pre>
 */
public final class DeciderSpecification<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<? extends E> history = List.of();

    private DeciderSpecification(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpecification<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpecification<>(decider);
    }

    @SafeVarargs
    public final DeciderSpecification<C, S, E> given(E... events) {
        this.history = List.of(events);
        return this;
    }

    public DeciderSpecification<C, S, E> given(List<? extends E> events) {
        this.history = List.copyOf(events);
        return this;
    }

    public Outcome when(C command) {
        S state = decider.fold(history);
        try {
            return new Outcome(decider.decide(command, state), null, state);
        } catch (Rejection rejection) {
            return new Outcome(null, rejection, state);
        }
    }

    /** What the command did: events, or a rejection. */
    public final class Outcome {
        private final List<E> events;
        private final Rejection rejection;
        private final S stateBefore;

        private Outcome(List<E> events, Rejection rejection, S stateBefore) {
            this.events = events;
            this.rejection = rejection;
            this.stateBefore = stateBefore;
        }

        @SafeVarargs
        public final Outcome then(E... expected) {
            if (rejection != null) {
                throw new AssertionError("expected events " + List.of(expected) + " but the command was rejected with "
                        + rejection.code() + ": " + rejection.getMessage());
            }
            if (!events.equals(List.of(expected))) {
                throw new AssertionError("expected events\n  " + List.of(expected) + "\nbut got\n  " + events);
            }
            return this;
        }

        public Outcome thenNothingHappens() {
            return then();
        }

        public Outcome thenRejectedWith(String code) {
            if (rejection == null) {
                throw new AssertionError("expected rejection " + code + " but got events " + events);
            }
            if (!rejection.code().equals(code)) {
                throw new AssertionError("expected rejection " + code + " but got " + rejection.code()
                        + ": " + rejection.getMessage());
            }
            return this;
        }

        /** The state after the history and the command's events. */
        public S state() {
            if (rejection != null) {
                return stateBefore;
            }
            S state = stateBefore;
            for (E event : events) {
                state = decider.evolve(state, event);
            }
            return state;
        }
    }
}

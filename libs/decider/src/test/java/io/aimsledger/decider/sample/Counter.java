package io.aimsledger.decider.sample;

import java.util.List;

import io.aimsledger.decider.Decider;
import io.aimsledger.decider.Rejection;

/** A small sample decider: a counter that can be opened, incremented up to a limit, and closed. */
public final class Counter implements Decider<Counter.Command, Counter.State, Counter.Event> {

    public sealed interface Command {
        record Open(int limit) implements Command {
        }

        record Increment(int by) implements Command {
        }

        record Close() implements Command {
        }
    }

    public sealed interface Event {
        record Opened(int limit) implements Event {
        }

        record Incremented(int by) implements Event {
        }

        record Closed() implements Event {
        }
    }

    public record State(boolean exists, boolean closed, int limit, int value) {
    }

    @Override
    public State initialState() {
        return new State(false, false, 0, 0);
    }

    @Override
    public List<Event> decide(Command command, State state) {
        return switch (command) {
            case Command.Open open -> state.exists() ? List.of() : List.of(new Event.Opened(open.limit()));
            case Command.Increment increment -> {
                requireOpen(state);
                if (state.value() + increment.by() > state.limit()) {
                    throw Rejection.conflict("counter.limit", "the counter would pass its limit of " + state.limit());
                }
                yield List.of(new Event.Incremented(increment.by()));
            }
            case Command.Close close -> {
                requireOpen(state);
                yield List.of(new Event.Closed());
            }
        };
    }

    private static void requireOpen(State state) {
        if (!state.exists()) {
            throw Rejection.notFound("counter.not-found", "no such counter");
        }
        if (state.closed()) {
            throw Rejection.conflict("counter.closed", "the counter is closed");
        }
    }

    @Override
    public State evolve(State state, Event event) {
        return switch (event) {
            case Event.Opened opened -> new State(true, false, opened.limit(), 0);
            case Event.Incremented incremented -> new State(true, false, state.limit(), state.value() + incremented.by());
            case Event.Closed closed -> new State(true, true, state.limit(), state.value());
        };
    }
}

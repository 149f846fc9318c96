package io.aimsledger.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.aimsledger.decider.testing.DeciderSpecification;
import io.aimsledger.decider.sample.Counter;
import io.aimsledger.decider.sample.Counter.Command;
import io.aimsledger.decider.sample.Counter.Event;

class DeciderSpecificationTest {

    private final DeciderSpecification<Command, Counter.State, Event> counter = DeciderSpecification.of(new Counter());

    @Test
    void givenEventsWhenACommandThenItsEvents() {
        var outcome = counter.given(new Event.Opened(10), new Event.Incremented(3))
                .when(new Command.Increment(4))
                .then(new Event.Incremented(4));
        assertThat(outcome.state().value()).isEqualTo(7);
    }

    @Test
    void aRefusedCommandNamesItsCode() {
        counter.given(new Event.Opened(5), new Event.Incremented(5))
                .when(new Command.Increment(1))
                .thenRejectedWith("counter.limit");
        counter.given(new Event.Opened(5), new Event.Closed())
                .when(new Command.Increment(1))
                .thenRejectedWith("counter.closed");
        counter.given()
                .when(new Command.Close())
                .thenRejectedWith("counter.not-found");
    }

    @Test
    void aCommandThatChangesNothingDecidesNoEvents() {
        counter.given(new Event.Opened(5)).when(new Command.Open(9)).thenNothingHappens();
    }

    @Test
    void theSpecificationFailsWhenTheDeciderDoesSomethingElse() {
        assertThatThrownBy(() -> counter.given(new Event.Opened(5)).when(new Command.Increment(1))
                .then(new Event.Incremented(2)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Incremented[by=2]");
        assertThatThrownBy(() -> counter.given(new Event.Opened(5)).when(new Command.Increment(9))
                .then(new Event.Incremented(9)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("counter.limit");
        assertThatThrownBy(() -> counter.given(new Event.Opened(5)).when(new Command.Increment(1))
                .thenRejectedWith("counter.limit"))
                .isInstanceOf(AssertionError.class);
    }
}

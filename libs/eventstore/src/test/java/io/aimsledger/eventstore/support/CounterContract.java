package io.aimsledger.eventstore.support;

import java.util.List;

import io.aimsledger.contracts.ContractProvider;
import io.aimsledger.contracts.DomainContract;
import io.aimsledger.decider.sample.Counter;

/** The sample counter's events as a contract of the tests: {@code io.aimsledger.test-counter.opened.v1}, ... */
public final class CounterContract implements ContractProvider {

    public static final DomainContract V1 = new DomainContract("test-counter", 1, Counter.Event.class);

    @Override
    public List<DomainContract> contracts() {
        return List.of(V1);
    }
}

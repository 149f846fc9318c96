package io.aimsledger.eventstore.store;

/** An event whose type no published contract names: the store refuses it, since the relay could not publish it. */
public final class UnregisteredEventType extends IllegalArgumentException {

    public UnregisteredEventType(String type) {
        super("no published contract has the event type " + type + "; register its contract in "
                + "io.aimsledger.contracts.Contracts before appending it");
    }
}

package io.aimsledger.eventstore.relay;

/** Told when a transaction that appended events has committed in this process, so they go out at once. */
public interface CommitSignal {

    void wakeUp();
}

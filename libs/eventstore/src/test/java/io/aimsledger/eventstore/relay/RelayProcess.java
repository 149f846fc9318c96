package io.aimsledger.eventstore.relay;

import org.postgresql.ds.PGSimpleDataSource;

import io.aimsledger.eventstore.support.TestOutboxConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * An outbox relay as a process of its own, for a test to kill with -9: {@code RelayProcess <jdbc url>
 * <user> <password> <kafka bootstrap servers>}. It runs until it is killed.
 */
public final class RelayProcess {

    private RelayProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        // As in EventStoreDatabase: SmallRye Context Propagation registered once, before any thread races to.
        org.eclipse.microprofile.context.spi.ContextManagerProvider.instance();
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        new OutboxRelay(dataSource, TestOutboxConfig.defaults(), new SimpleMeterRegistry(), args[3]).start();
        System.out.println("relay started");
        Thread.currentThread().join();
    }
}

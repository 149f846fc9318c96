package io.aimsledger.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.TestServers;

/** One writer at a time: a second instance stands by until the first's session ends, then takes over. */
class IngestLeaseTest {

    private static final String DATABASE = "audit_lease";

    @BeforeAll
    static void database() {
        TestServers.postgres().createDatabase(DATABASE);
    }

    private static IngestLease lease() {
        return new IngestLease(TestServers.postgres().jdbcUrl(DATABASE), "postgres", TestServers.postgres().password(),
                Duration.ofMillis(100));
    }

    @Test
    void aStandbyTakesOverWhenTheHolderStopsAndAHolderThatLosesItsSessionIsTold() throws Exception {
        IngestLease first = lease();
        IngestLease second = lease();
        CountDownLatch firstAcquired = new CountDownLatch(1);
        CountDownLatch secondAcquired = new CountDownLatch(1);
        CountDownLatch secondLost = new CountDownLatch(1);
        try {
            first.start(firstAcquired::countDown, () -> { });
            assertThat(firstAcquired.await(30, TimeUnit.SECONDS)).isTrue();
            second.start(secondAcquired::countDown, secondLost::countDown);
            assertThat(secondAcquired.await(1, TimeUnit.SECONDS)).as("no second writer while the first holds it").isFalse();
            assertThat(first.held()).isTrue();
            assertThat(second.held()).isFalse();

            first.stop(); // as a process that dies: its session ends
            assertThat(secondAcquired.await(30, TimeUnit.SECONDS)).as("the standby takes over").isTrue();
            assertThat(second.held()).isTrue();

            try (var admin = TestServers.postgres().connect(DATABASE); var statement = admin.createStatement()) {
                statement.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' "
                        + "and database = (select oid from pg_database where datname = '" + DATABASE + "')");
            }
            assertThat(secondLost.await(30, TimeUnit.SECONDS)).as("a holder whose session ended is told").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !second.held());
        } finally {
            first.stop();
            second.stop();
        }
    }
}

package io.aimsledger.eventstore.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.support.RecordingConsumer;
import io.aimsledger.eventstore.support.TestOutboxConfig;
import io.aimsledger.eventstore.support.Writers;
import io.aimsledger.localservers.ChildProcess;
import io.aimsledger.localservers.Files2;
import io.aimsledger.localservers.KafkaServer;
import io.aimsledger.localservers.Ports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Kafka goes away and comes back: a broker process of its own, stopped and started again on the same ports. */
class KafkaOutageTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private Path home;
    private int port;
    private int controllerPort;
    private ChildProcess kafka;
    private EventStoreDatabase database;

    @BeforeEach
    void startKafka() throws Exception {
        home = Files.createTempDirectory("aims-kafka-outage-");
        port = Ports.free();
        controllerPort = Ports.free();
        kafka = startBroker();
        database = EventStoreDatabase.create("outage");
    }

    @AfterEach
    void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(10));
        }
        database.close();
        Files2.deleteRecursively(home);
    }

    private ChildProcess startBroker() throws Exception {
        return KafkaServer.start(home, port, controllerPort, System.getProperty("java.class.path"),
                Duration.ofMinutes(2));
    }

    @Test
    void appendsSucceedWhileKafkaIsDownAndTheRelayCatchesUpWhenItReturns() throws Exception {
        String bootstrap = "localhost:" + port;
        List<String> streams = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID().toString()).toList();
        var writers = new Writers(database, streams);
        var relay = new OutboxRelay(database.dataSource(), TestOutboxConfig.defaults(), new SimpleMeterRegistry(),
                bootstrap);
        try (var consumer = new RecordingConsumer(database, bootstrap)) {
            streams.forEach(consumer::watch);
            consumer.start();
            relay.start();
            Writers.join(writers.start(2, 100, 2));
            await().atMost(PATIENCE).until(() -> consumer.appliedCount() == 100);

            kafka.stop(Duration.ofSeconds(10));
            kafka = null;
            long failuresBefore = relay.failures();
            Writers.join(writers.start(2, 400, 2));
            assertThat(database.count("select count(*) from event_store")).isEqualTo(500);
            await().atMost(Duration.ofSeconds(90)).until(() -> relay.lagEvents() == 400);
            // The relay has tried to publish them and failed while the broker was gone.
            await().atMost(Duration.ofSeconds(90)).until(() -> relay.failures() > failuresBefore);
            assertThat(consumer.appliedCount()).isEqualTo(100);

            kafka = startBroker();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> consumer.appliedCount() == 500);
            OutboxRelayTest.assertEveryStreamInVersionOrderWithoutGaps(consumer.appliedVersionsByStream(), 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.lagEvents() == 0);
        } finally {
            relay.stop();
        }
    }
}

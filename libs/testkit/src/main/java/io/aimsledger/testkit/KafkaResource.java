package io.aimsledger.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Wires a Quarkus test to the test JVM's real Kafka broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestServers.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM (see TestServers).
    }
}

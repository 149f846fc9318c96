package io.aimsledger.localservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, combined broker and controller) as its own process, on a fixed port,
 * with its data and log in {@code home}. It runs from a class path that holds the Kafka server jars
 * ({@code org.apache.kafka:kafka_2.13} and its dependencies); stopping and starting it again on the
 * same home keeps its topics, as a restarted production broker would.
 */
public final class KafkaServer {

    private KafkaServer() {
    }

    public static ChildProcess start(Path home, int port, int controllerPort, String classPath, Duration timeout)
            throws IOException {
        Files.createDirectories(home);
        Path config = home.resolve("server.properties");
        Files.writeString(config, serverProperties(home.resolve("log"), port, controllerPort));
        Path log = home.resolve("kafka.log");
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            format(home, config, classPath, log);
        }
        var process = ChildProcess.start("kafka",
                List.of(java(), "-Xms128m", "-Xmx512m", "-cp", classPath, "kafka.Kafka", config.toString()),
                Map.of(), home, log);
        String bootstrap = "localhost:" + port;
        if (!Waits.until(timeout, Duration.ofMillis(500), () -> !process.isAlive() || answers(bootstrap))
                || !process.isAlive()) {
            process.stop(Duration.ofSeconds(10));
            throw new IllegalStateException("Kafka did not start; its log (" + log + "):\n" + Logs.tail(log, 40));
        }
        return process;
    }

    private static void format(Path home, Path config, String classPath, Path log) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        var format = ChildProcess.start("kafka-format",
                List.of(java(), "-cp", classPath, "kafka.tools.StorageTool", "format", "-t", clusterId,
                        "-c", config.toString()),
                Map.of(), home, log);
        if (!Waits.until(Duration.ofSeconds(60), Duration.ofMillis(200), () -> !format.isAlive())) {
            format.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("formatting Kafka's storage did not finish; see " + log);
        }
        if (!Files.exists(home.resolve("log").resolve("meta.properties"))) {
            throw new IllegalStateException("formatting Kafka's storage failed:\n" + Logs.tail(log, 20));
        }
    }

    private static boolean answers(String bootstrap) {
        var properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("request.timeout.ms", "2000");
        properties.put("default.api.timeout.ms", "3000");
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String serverProperties(Path logDirectory, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                # The topics are the platform's history: keep them.
                log.retention.hours=-1
                """.formatted(port, controllerPort, logDirectory);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

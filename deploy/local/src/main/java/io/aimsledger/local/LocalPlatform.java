package io.aimsledger.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.aimsledger.localservers.ChildProcess;
import io.aimsledger.localservers.Files2;
import io.aimsledger.localservers.KafkaServer;
import io.aimsledger.localservers.KeycloakDistribution;
import io.aimsledger.localservers.KeycloakServer;
import io.aimsledger.localservers.LocalCredentials;
import io.aimsledger.localservers.Logs;
import io.aimsledger.localservers.Ports;
import io.aimsledger.localservers.PostgresServer;

/**
 * The embedded default: real PostgreSQL, Kafka and Keycloak and the five services on this machine,
 * wired together, until Ctrl-C.
 */
public final class LocalPlatform {

    private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(120);

    private final LaunchOptions options;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<Service, ChildProcess> services = new LinkedHashMap<>();
    private Supervisor supervisor;

    private LocalPlatform(LaunchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The launcher polls Kafka while it starts; the client's complaints about that are noise.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(LauncherJar.repository(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        var platform = new LocalPlatform(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stopped.countDown();
        }, "aims-local-shutdown"));
        try {
            platform.start();
        } catch (Exception e) {
            System.err.println("\nAIMS Ledger did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws IOException {
        checkBuilt();
        Path data = options.dataDirectory();
        if (options.fresh()) {
            say("Starting fresh: deleting " + data);
            Files2.deleteRecursively(data);
        }
        Files.createDirectories(data);

        int postgresPort = choose("PostgreSQL", options.postgresPort());
        say("Starting PostgreSQL on port " + postgresPort + " ...");
        var credentials = LocalCredentials.in(data);
        PostgresServer postgres = PostgresServer.startPersistent(data.resolve("postgres"), postgresPort,
                credentials.password(LocalCredentials.POSTGRES_SUPERUSER));
        running.add(postgres);

        int kafkaPort = choose("Kafka", options.kafkaPort());
        int controllerPort = Ports.preferred(kafkaPort + 1);
        say("Starting Kafka on port " + kafkaPort + " ...");
        ChildProcess kafka = KafkaServer.start(data.resolve("kafka"), kafkaPort, controllerPort,
                LauncherJar.classPath(), SERVER_TIMEOUT);
        running.add(() -> kafka.stop(Duration.ofSeconds(30)));

        requireFree("Keycloak", options.keycloakPort());
        say("Starting Keycloak on port " + options.keycloakPort() + " (the first start takes about a minute) ...");
        KeycloakServer keycloak = KeycloakServer.start(KeycloakDistribution.zip(), data.resolve("keycloak"),
                KeycloakDistribution.realmJson(), "localhost", options.keycloakPort(), SERVER_TIMEOUT);
        running.add(keycloak);

        for (Service service : options.instances()) {
            requireFree(service.instance(), service.port(options.servicePortBase()));
        }
        say("Starting the services ...");
        var wiring = new ServiceProcesses.Wiring(postgres, credentials, "localhost:" + kafkaPort, keycloak.realmUrl(),
                options.servicePortBase(), data.resolve("keys"));
        for (Service service : Service.ALL) {
            ServiceProcesses.prepareDatabase(service, wiring);
        }
        for (Service service : Service.ALL) {
            services.put(service, ServiceProcesses.start(options.repository(), data.resolve("logs"), service, wiring));
        }
        List<ChildProcess> failed = ServiceProcesses.awaitReady(services, options.servicePortBase(), SERVICE_TIMEOUT);
        if (failed.isEmpty() && options.auditStandby()) {
            // After the first audit projection is up: it creates the signing key both then use.
            ChildProcess standby = ServiceProcesses.start(options.repository(), data.resolve("logs"),
                    Service.AUDIT_STANDBY, wiring);
            services.put(Service.AUDIT_STANDBY, standby);
            failed = ServiceProcesses.awaitReady(Map.of(Service.AUDIT_STANDBY, standby), options.servicePortBase(),
                    SERVICE_TIMEOUT);
        }
        if (!failed.isEmpty()) {
            for (ChildProcess process : failed) {
                System.err.println("\n--- " + process.name() + " did not become ready; the end of " + process.log()
                        + " ---\n" + Logs.tail(process.log(), 60));
            }
            throw new IllegalStateException(failed.size() + " service(s) failed to start; everything was stopped");
        }
        System.out.println(Banner.text(options, postgres.port(), kafkaPort, keycloak.realmUrl()));
        supervisor = new Supervisor(services,
                service -> ServiceProcesses.start(options.repository(), data.resolve("logs"), service, wiring),
                options.servicePortBase(), LocalPlatform::say,
                () -> new Thread(() -> System.exit(1), "aims-local-give-up").start());
        supervisor.start();
    }

    private void checkBuilt() {
        for (Service service : Service.ALL) {
            if (!Files.isRegularFile(ServiceProcesses.application(options.repository(), service))) {
                throw new IllegalStateException(service.module() + " is not built (expected "
                        + ServiceProcesses.application(options.repository(), service)
                        + "); run ./aims-local, which builds first, or ./mvnw install -DskipTests");
            }
        }
    }

    /** The wanted port, or a free one if something listens there, said aloud. */
    private static int choose(String what, int wanted) {
        int port = Ports.preferred(wanted);
        if (port != wanted) {
            say("Port " + wanted + " is taken; " + what + " uses " + port + " instead.");
        }
        return port;
    }

    /** Services and Keycloak have fixed, published addresses: a taken port is an error, not a surprise. */
    private static void requireFree(String what, int port) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is taken; stop what uses it"
                    + " or choose other ports (--help)");
        }
    }

    private synchronized void stop() {
        if (services.isEmpty() && running.isEmpty()) {
            return;
        }
        say("Stopping AIMS Ledger ...");
        if (supervisor != null) {
            supervisor.stop();
        }
        synchronized (services) {
            services.values().parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
            services.clear();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        running.clear();
        say("Stopped.");
    }

    private static void say(String line) {
        System.out.println("[aims-local] " + line);
    }
}

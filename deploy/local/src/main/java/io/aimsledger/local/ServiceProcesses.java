package io.aimsledger.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aimsledger.localservers.ChildProcess;
import io.aimsledger.localservers.LocalCredentials;
import io.aimsledger.localservers.PostgresServer;
import io.aimsledger.localservers.ServiceEnvironment;
import io.aimsledger.localservers.Waits;

/** Starts the five services from their built applications and waits until each is ready. */
final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /**
     * JVM options an operator adds to one service, after the defaults so that they win:
     * {@code AIMS_EVIDENCE_SERVICE_JVM_OPTIONS="-Xmx512m"}, say.
     */
    static List<String> extraJvmOptions(Service service) {
        String options = System.getenv("AIMS_" + service.module().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                + "_JVM_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    static Path application(Path repository, Service service) {
        return repository.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where the services find the servers, and the directory for keys they create and keep. */
    record Wiring(PostgresServer postgres, LocalCredentials credentials, String kafkaBootstrap, String oidcUrl,
                  int portBase, Path keys) {
    }

    /** The service's database and its own login role, with the password kept in the credentials. */
    static void prepareDatabase(Service service, Wiring wiring) {
        wiring.postgres().createDatabase(service.database());
        wiring.postgres().ensureLoginRole(service.databaseUser(), password(service, wiring));
        if (!service.grantsItsOwnAccess()) {
            wiring.postgres().grantRowAccess(service.database(), service.databaseUser());
        }
    }

    private static String password(Service service, Wiring wiring) {
        return wiring.credentials().password("postgres." + service.databaseUser());
    }

    static ChildProcess start(Path repository, Path logs, Service service, Wiring wiring) throws IOException {
        Files.createDirectories(logs);
        Map<String, String> env = ServiceEnvironment.of(service.port(wiring.portBase()), wiring.postgres().port(),
                service.database(), service.databaseUser(), password(service, wiring), wiring.postgres().password(),
                wiring.kafkaBootstrap(), wiring.oidcUrl());
        if (service.isAudit()) {
            // Its migration creates or updates its role with this password.
            env.put("AIMS_AUDIT_DB_PASSWORD", password(service, wiring));
            // Created on the first start and kept with the data: checkpoints stay verifiable across restarts.
            env.put("AIMS_AUDIT_SIGNING_KEY_FILE", wiring.keys().resolve("audit-signing-key.pem").toString());
            env.put("AIMS_AUDIT_SIGNING_KEY_CREATE_IF_MISSING", "true");
        }
        Path log = logs.resolve(service.instance() + ".log");
        // The log of the previous run (of a crash, say) is kept beside the new one.
        if (Files.exists(log)) {
            Files.move(log, logs.resolve(service.instance() + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ServiceEnvironment.JVM_OPTIONS);
        command.addAll(extraJvmOptions(service));
        command.add("-Daims.instance=" + service.instance());
        command.addAll(List.of("-jar", application(repository, service).toString()));
        return ChildProcess.start(service.instance(), command, env, repository, log);
    }

    static URI readiness(Service service, int portBase) {
        return URI.create("http://localhost:" + service.port(portBase) + "/q/health/ready");
    }

    /** Waits for every service's readiness; returns those that did not get there. */
    static List<ChildProcess> awaitReady(Map<Service, ChildProcess> started, int portBase, Duration timeout) {
        List<ChildProcess> failed = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (var entry : started.entrySet()) {
            URI ready = readiness(entry.getKey(), portBase);
            ChildProcess process = entry.getValue();
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            boolean up = Waits.until(left, Duration.ofMillis(300), () -> !process.isAlive() || Waits.answers200(ready));
            if (!up || !process.isAlive()) {
                failed.add(process);
            }
        }
        return failed;
    }
}

package io.aimsledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.aimsledger.localservers.LocalCredentials;
import io.aimsledger.localservers.ServiceEnvironment;

/**
 * One more instance of a service, started by the harness as the launcher starts the platform's (same
 * jar, same JVM options, same servers), on a port of its own and with what else {@code env} says.
 */
final class ServiceInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final long startedNanos;

    private ServiceInstance(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static ServiceInstance start(LaunchedPlatform platform, String module, String database, String user, int port,
                                 Map<String, String> env, List<String> jvmOptions, Path work) throws IOException {
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(LaunchedPlatform.java()));
        command.addAll(ServiceEnvironment.JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", platform.repository().resolve(module + "/target/quarkus-app/quarkus-run.jar")
                .toString()));
        var builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(module + ".log").toFile());
        var environment = builder.environment();
        String password = platform.password("postgres." + user);
        environment.putAll(ServiceEnvironment.of(port, platform.postgresPort(), database, user, password,
                platform.password(LocalCredentials.POSTGRES_SUPERUSER), platform.kafka(), platform.realmUrl()));
        environment.put("AIMS_AUDIT_DB_PASSWORD", password);
        environment.putAll(env);
        long started = System.nanoTime();
        return new ServiceInstance(builder.start(), port, started);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the instance reports ready; returns the time from its start. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (Http.CLIENT.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("an instance on port " + port + " did not get ready");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}

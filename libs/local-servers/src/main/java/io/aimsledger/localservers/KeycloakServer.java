package io.aimsledger.localservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Keycloak server ({@code keycloak-quarkus-dist}) run as a child process in dev mode with
 * the {@code aims} realm imported. Its home folder is kept between runs: the first start builds the
 * server (about 40 s), later ones reuse that build and the realm already imported.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "aims";
    private static final String REALM_FILE = "aims-realm.json";
    private static final String REALM_HASH_FILE = "aims-realm.sha256";

    private final ChildProcess process;
    private final String host;
    private final int port;

    private KeycloakServer(ChildProcess process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts Keycloak from {@code home} (unpacking {@code distribution} there first if needed),
     * importing {@code realmJson}, and waits until the realm answers. Tokens name
     * {@code http://<host>:<port>} as their issuer, whatever address a client used.
     */
    public static KeycloakServer start(Path distribution, Path home, byte[] realmJson, String host, int port,
                                       Duration timeout) {
        try {
            unpackIfMissing(distribution, home);
            installRealm(home, realmJson);
            Path log = home.resolve("keycloak.log");
            Files.deleteIfExists(log);
            var process = ChildProcess.start("keycloak",
                    List.of("bin/kc.sh", "start-dev", "--import-realm", "--http-port=" + port,
                            "--hostname=http://" + host + ":" + port),
                    Map.of("JAVA_HOME", System.getProperty("java.home"),
                            "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                            "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                    home, log);
            var server = new KeycloakServer(process, host, port);
            boolean ready = Waits.until(timeout, Duration.ofMillis(250),
                    () -> !process.isAlive() || Waits.answers200(server.discoveryUri()));
            if (!ready || !process.isAlive()) {
                server.close();
                throw new IllegalStateException("Keycloak did not become ready in " + timeout + "; its log: "
                        + log + "\n" + Logs.tail(log, 40));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be prepared in " + home, e);
        }
    }

    /**
     * Holds the home folder for one server at a time: two JVMs must not share Keycloak's data folder.
     * Returns null when another process holds it.
     */
    public static FileLock lockHome(Path home) throws IOException {
        Files.createDirectories(home.getParent());
        var channel = FileChannel.open(home.resolveSibling(home.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
        }
        return lock;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public URI tokenUri() {
        return URI.create(realmUrl() + "/protocol/openid-connect/token");
    }

    private URI discoveryUri() {
        return URI.create(realmUrl() + "/.well-known/openid-configuration");
    }

    /** A server another owner started and stops; closing this handle leaves it running. */
    public static KeycloakServer attach(String host, int port) {
        return new KeycloakServer(null, host, port);
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    private static void unpackIfMissing(Path distribution, Path home) throws IOException {
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return;
        }
        if (!Files.isRegularFile(distribution)) {
            throw new IOException("Keycloak distribution not found at " + distribution + " (run the Maven build once)");
        }
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking-");
        try (InputStream in = Files.newInputStream(distribution); var zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                // The archive has one top folder (keycloak-<version>/); drop it.
                String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                if (name.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(name).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("entry outside the archive's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.startsWith("bin/") && name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Puts the realm where --import-realm reads it; a changed realm file makes Keycloak start from a new database. */
    private static void installRealm(Path home, byte[] realmJson) throws IOException {
        Path data = home.resolve("data");
        Path hashFile = data.resolve(REALM_HASH_FILE);
        String hash = sha256(realmJson);
        String previous = Files.exists(hashFile) ? Files.readString(hashFile).trim() : "";
        if (!hash.equals(previous)) {
            Files.deleteIfExists(data.resolve("import").resolve(REALM_FILE));
            Files2.deleteRecursively(data.resolve("h2"));
        }
        Files.createDirectories(data.resolve("import"));
        Files.write(data.resolve("import").resolve(REALM_FILE), realmJson);
        Files.writeString(hashFile, hash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.aimsledger.audit.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.SigningKeys;
import io.quarkus.runtime.StartupEvent;

/**
 * The key checkpoints are signed with, read (or, where allowed, created) from configuration and made the
 * current key of the key history at start-up, handed over by the previous key when it is a new one.
 */
@ApplicationScoped
public class AuditSigningKey {

    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class);

    private final AuditConfig.SigningKey config;
    private final DataSource dataSource;
    private final Clock clock;
    private volatile CheckpointSigner signer;

    public AuditSigningKey(AuditConfig config, DataSource dataSource, Clock clock) {
        this.config = config.signingKey();
        this.dataSource = dataSource;
        this.clock = clock;
        this.signer = new CheckpointSigner(load(this.config));
    }

    // Before the checkpointer's first checkpoint, which must be signed by a key of the history.
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws SQLException {
        takeOver(signer.keys(), previous(config));
    }

    /**
     * Makes {@code keys} the key that signs from now on, as a start with it configured does (see
     * {@link KeyHistoryLog#takeOver}); {@code previous} hands over to it if it is new.
     */
    public void takeOver(KeyPair keys, Optional<KeyPair> previous) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            KeyHistoryLog.takeOver(connection, keys, previous, clock.instant());
        }
        signer = new CheckpointSigner(keys);
        LOG.infof("Audit checkpoints are signed with Ed25519 key %s", signer.keyId());
    }

    public CheckpointSigner signer() {
        return signer;
    }

    public String publicKeyPem() {
        return SigningKeys.publicPem(signer.keys().getPublic());
    }

    static KeyPair load(AuditConfig.SigningKey config) {
        if (config.pem().isPresent()) {
            return SigningKeys.readPrivate(config.pem().get());
        }
        Path file = Path.of(config.file().orElseThrow(() -> new IllegalStateException(
                "No key to sign audit checkpoints with: set aims.audit.signing-key.file to an Ed25519 private key "
                        + "in PEM (openssl genpkey -algorithm ed25519) or aims.audit.signing-key.pem to its text")));
        try {
            if (Files.exists(file)) {
                return SigningKeys.readPrivate(Files.readString(file));
            }
            if (!config.createIfMissing()) {
                throw new IllegalStateException("The audit signing key file " + file + " does not exist "
                        + "(set aims.audit.signing-key.create-if-missing=true to create one)");
            }
            return create(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, e);
        }
    }

    static Optional<KeyPair> previous(AuditConfig.SigningKey config) {
        if (config.previousPem().isPresent()) {
            return Optional.of(SigningKeys.readPrivate(config.previousPem().get()));
        }
        return config.previousFile().map(file -> {
            try {
                return SigningKeys.readPrivate(Files.readString(Path.of(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the previous audit signing key " + file, e);
            }
        });
    }

    private static KeyPair create(Path file) throws IOException {
        KeyPair keys = SigningKeys.generate();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path written = Files.createTempFile(parent, ".signing-key", ".pem");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions are what protect the key
        }
        Files.writeString(written, SigningKeys.privatePem(keys.getPrivate()) + SigningKeys.publicPem(keys.getPublic()));
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("Created a new audit signing key in %s", file);
        return keys;
    }
}

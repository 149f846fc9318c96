package io.aimsledger.audit.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.SigningKeys;

/** The key checkpoints are signed with, read (or, where allowed, created) at start-up. */
@ApplicationScoped
public class AuditSigningKey {

    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class);

    private final CheckpointSigner signer;

    public AuditSigningKey(AuditConfig config) {
        this.signer = new CheckpointSigner(load(config.signingKey()));
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
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("Created a new audit signing key in %s", file);
        return keys;
    }
}

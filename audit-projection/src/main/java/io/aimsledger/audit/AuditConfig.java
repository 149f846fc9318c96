package io.aimsledger.audit.transparency;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the audit log is signed: the key, and how often a checkpoint is taken. */
@ConfigMapping(prefix = "aims.audit")
public interface TransparencyConfig {

    SigningKey signingKey();

    Checkpoints checkpoint();

    interface SigningKey {

        /** A PEM file holding the Ed25519 private key (PKCS#8), e.g. a mounted secret. */
        Optional<String> file();

        /** The PEM text itself, e.g. from a secret in an environment variable; wins over {@code file}. */
        Optional<String> pem();

        /** Create the file with a new key when it does not exist (the local launcher, dev and tests). */
        @WithDefault("false")
        boolean createIfMissing();
    }

    interface Checkpoints {

        /** A checkpoint after this many new entries... */
        @WithDefault("1000")
        long everyEntries();

        /** ...or this long after the last one, if the log grew. */
        @WithDefault("10s")
        Duration every();
    }
}

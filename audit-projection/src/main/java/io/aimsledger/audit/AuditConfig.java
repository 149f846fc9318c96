package io.aimsledger.audit;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit projection's settings ({@code aims.audit.*}): what it consumes, and how its log is signed. */
@ConfigMapping(prefix = "aims.audit")
public interface AuditConfig {

    /** The topics consumed into the log: every domain's published events (the channel's topic pattern). */
    @WithDefault("aims[.][a-z-]+[.]v[0-9]+")
    String topicPattern();

    Consumer consumer();

    SigningKey signingKey();

    Checkpoints checkpoint();

    interface Consumer {

        /**
         * How often a standby instance asks for the ingest lease (the one active writer holds it), and how
         * often the active one checks that its lease session is still alive.
         */
        @WithDefault("2s")
        Duration leaseCheck();

        /** The Kafka consumer group; a second projection beside the first takes another. */
        @WithDefault("audit-projection")
        String group();
    }

    interface SigningKey {

        /** A PEM file holding the Ed25519 private key (PKCS#8), e.g. a mounted secret. */
        Optional<String> file();

        /** The PEM text itself, e.g. from a secret in an environment variable; wins over {@code file}. */
        Optional<String> pem();

        /**
         * The key being replaced, during a rotation: it signs the hand-over to the key above when that key is
         * not yet in the key history (a PEM file, like {@code file}).
         */
        Optional<String> previousFile();

        /** The PEM text of the key being replaced; wins over {@code previous-file}. */
        Optional<String> previousPem();

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

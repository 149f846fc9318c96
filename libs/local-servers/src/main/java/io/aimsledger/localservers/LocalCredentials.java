package io.aimsledger.localservers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The passwords of a local platform, generated on its first start and kept in its data folder in
 * {@code secrets/credentials.properties}, which only its owner may read (0600, in a 0700 folder).
 */
public final class LocalCredentials {

    public static final String POSTGRES_SUPERUSER = "postgres.superuser";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values = new Properties();

    private LocalCredentials(Path file) {
        this.file = file;
    }

    /** The credentials kept in {@code dataFolder}, created there if there are none yet. */
    public static LocalCredentials in(Path dataFolder) {
        var credentials = new LocalCredentials(dataFolder.resolve("secrets").resolve("credentials.properties"));
        try {
            if (Files.exists(credentials.file)) {
                try (Reader in = Files.newBufferedReader(credentials.file)) {
                    credentials.values.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + credentials.file, e);
        }
        return credentials;
    }

    /** The password named {@code name}, generated and kept on first use. */
    public synchronized String password(String name) {
        String password = values.getProperty(name);
        if (password == null) {
            password = generate();
            values.setProperty(name, password);
            save();
        }
        return password;
    }

    /** 24 random bytes, URL-safe Base64: 32 characters that need no quoting in SQL, URLs or shells. */
    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void save() {
        try {
            Path folder = file.getParent();
            if (!Files.exists(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "AIMS Ledger local platform: generated passwords; keep this file private");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

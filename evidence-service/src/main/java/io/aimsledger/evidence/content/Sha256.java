package io.aimsledger.evidence.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 of bytes as they stream by, and its two spellings: lowercase hex (the API's) and RFC 9530's {@code Repr-Digest}. */
public final class Sha256 {

    private final MessageDigest digest;
    private long size;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public void update(byte[] bytes, int length) {
        digest.update(bytes, 0, length);
        size += length;
    }

    public long size() {
        return size;
    }

    /** The hex digest; the object is spent after it. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A file's hash and size, read in small pieces. */
    public static Hashed of(Path file) {
        var sha = new Sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha.update(buffer, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Hashed(sha.hex(), sha.size());
    }

    /** {@code sha-256=:<base64>:} (RFC 9530) of a hex digest. */
    public static String reprDigest(String hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) + ":";
    }

    public record Hashed(String sha256, long size) {
    }
}

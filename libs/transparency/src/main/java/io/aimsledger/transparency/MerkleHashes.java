package io.aimsledger.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 9162 section 2.1.1 hashing: SHA-256, leaves prefixed with 0x00, interior nodes with 0x01. */
public final class MerkleHashes {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleHashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

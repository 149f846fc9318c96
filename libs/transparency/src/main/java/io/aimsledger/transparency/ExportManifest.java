package io.aimsledger.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The last file of an audit export, {@code manifest.json}, names every other file with its SHA-256:
 * an export cut short has no manifest, and a file changed or removed after export no longer matches.
 */
public final class ExportManifest {

    public static final String FILE = "manifest.json";
    public static final String FILES = "files";

    private ExportManifest() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

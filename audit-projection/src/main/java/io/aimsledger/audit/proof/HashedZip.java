package io.aimsledger.audit.proof;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.aimsledger.transparency.ExportManifest;
import io.aimsledger.transparency.JsonLines;

/** A zip written file by file, keeping each file's SHA-256 for the manifest. */
final class HashedZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final Map<String, String> hashes = new LinkedHashMap<>();
    private String current;
    private MessageDigest digest;

    HashedZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    void begin(String name) throws IOException {
        finishCurrent();
        zip.putNextEntry(new ZipEntry(name));
        current = name;
        digest = ExportManifest.sha256();
    }

    void put(String name, String content) throws IOException {
        begin(name);
        write(content.getBytes(StandardCharsets.UTF_8));
    }

    /** One JSON Lines line (or CSV row), its line separators escaped. */
    void line(String line) throws IOException {
        write((JsonLines.line(line) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Begins file {@code name} and answers a stream into it; closing the stream leaves the zip open. */
    OutputStream stream(String name) throws IOException {
        begin(name);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                HashedZip.this.write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                HashedZip.this.write(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            }
        };
    }

    /** The SHA-256 of every file written so far, by name. */
    Map<String, String> hashes() throws IOException {
        finishCurrent();
        return new LinkedHashMap<>(hashes);
    }

    private void write(byte[] bytes) throws IOException {
        zip.write(bytes);
        digest.update(bytes);
    }

    private void finishCurrent() throws IOException {
        if (current != null) {
            zip.closeEntry();
            hashes.put(current, HexFormat.of().formatHex(digest.digest()));
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        finishCurrent();
        zip.close();
    }
}

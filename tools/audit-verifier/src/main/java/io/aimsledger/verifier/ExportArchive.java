package io.aimsledger.verifier;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.ExportManifest;
import io.aimsledger.transparency.SignedCheckpoint;

/** The files of an audit export zip, read without unpacking it. */
final class ExportArchive implements Closeable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ZipFile zip;

    ExportArchive(Path file) throws IOException {
        this.zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The SHA-256 of each file, in hex, by name; the manifest names them too. */
    Map<String, String> hashes() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            MessageDigest digest = ExportManifest.sha256();
            try (var in = zip.getInputStream(entry)) {
                byte[] buffer = new byte[65_536];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            hashes.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
        }
        return hashes;
    }

    String text(String name) throws IOException {
        try (var in = zip.getInputStream(entry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    JsonNode json(String name) throws IOException {
        return JSON.readTree(text(name));
    }

    InputStream stream(String name) throws IOException {
        return zip.getInputStream(entry(name));
    }

    BufferedReader lines(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry(name)), StandardCharsets.UTF_8));
    }

    List<JsonNode> jsonLines(String name) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (var reader = lines(name)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        }
        return nodes;
    }

    static SignedCheckpoint checkpoint(JsonNode node) {
        return new SignedCheckpoint(new Checkpoint(node.path("treeSize").asLong(-1), node.path("rootHash").asText(),
                node.path("timestamp").asText()), node.path("keyId").asText(), node.path("signature").asText());
    }

    private ZipEntry entry(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the export has no " + name);
        }
        return entry;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}

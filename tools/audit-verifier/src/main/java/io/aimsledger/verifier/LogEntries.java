package io.aimsledger.verifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.aimsledger.transparency.LogCheck;
import io.aimsledger.transparency.MerkleHashes;

/**
 * Walks {@code log/entries.jsonl} and {@code log/leaves.csv} side by side in seq order and hands each
 * seq to the shared {@link LogCheck}, remembering the leaves the inclusion proofs are about.
 */
final class LogEntries {

    /** A recorded leaf and, if the log has one at its seq, the entry's event. */
    record Leaf(long seq, byte[] hash, String event) {
    }

    record Line(long seq, Long leafIndex, byte[] leafHash, String event, Instant recordedAt) {
    }

    private final Map<Long, Leaf> wanted = new HashMap<>();
    private final long preTreeDeclared;
    private long preTreeSeen;
    private boolean leafSeen;

    /** {@code preTreeDeclared}: how many entries the manifest says are from before the tree (ADR 0009). */
    LogEntries(long preTreeDeclared) {
        this.preTreeDeclared = preTreeDeclared;
    }

    /** Feeds every seq to {@code check} and every entry to {@code state}; returns the leaves of {@code wantedLeaves}. */
    Map<Long, Leaf> feed(BufferedReader entries, BufferedReader leaves, LogCheck check, StateDerivation state,
                         Set<Long> wantedLeaves) throws IOException {
        String header = leaves.readLine();
        if (!"leafIndex,seq,leafHash".equals(header)) {
            throw new IOException("log/leaves.csv does not start with the header leafIndex,seq,leafHash");
        }
        Line entry = nextEntry(entries);
        Line leaf = nextLeaf(leaves);
        while (entry != null || leaf != null) {
            if (entry != null && (leaf == null || entry.seq() <= leaf.seq())) {
                state.entry(entry.seq(), entry.event(), entry.recordedAt());
            }
            if (leaf == null || (entry != null && entry.seq() < leaf.seq())) {
                if (!leafSeen && preTreeSeen < preTreeDeclared) {
                    preTreeSeen++;
                    check.preTreeEntry(entry.seq(), true);
                } else {
                    check.entry(entry.seq(), null, null, entry.event());
                }
                entry = nextEntry(entries);
            } else if (entry == null || leaf.seq() < entry.seq()) {
                leafSeen = true;
                remember(leaf, null, wantedLeaves);
                check.entry(leaf.seq(), leaf.leafIndex(), leaf.leafHash(), null);
                leaf = nextLeaf(leaves);
            } else {
                leafSeen = true;
                remember(leaf, entry.event(), wantedLeaves);
                check.entry(leaf.seq(), leaf.leafIndex(), leaf.leafHash(), entry.event());
                entry = nextEntry(entries);
                leaf = nextLeaf(leaves);
            }
        }
        return wanted;
    }

    private void remember(Line leaf, String event, Set<Long> wantedLeaves) {
        if (wantedLeaves.contains(leaf.leafIndex())) {
            wanted.put(leaf.leafIndex(), new Leaf(leaf.seq(), leaf.leafHash(), event));
        }
    }

    private static Line nextEntry(BufferedReader entries) throws IOException {
        String line = entries.readLine();
        while (line != null && line.isBlank()) {
            line = entries.readLine();
        }
        return line == null ? null : entry(line);
    }

    /**
     * A line {@code {"seq": n, "recordedAt": "...", "event": {...}}} ({@code recordedAt} since the export
     * says when the log recorded each entry), read as JSON; the event is kept as the exact text it has
     * in the line, since its leaf hash is computed from that text's canonical form.
     */
    static Line entry(String line) throws IOException {
        Long seq = null;
        String event = null;
        Instant recordedAt = null;
        try (JsonParser parser = ExportArchive.JSON.getFactory().createParser(line)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notAnEntry(line);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("seq".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    seq = parser.getLongValue();
                } else if ("recordedAt".equals(name) && value == JsonToken.VALUE_STRING) {
                    recordedAt = instant(parser.getText(), line);
                } else if ("event".equals(name)) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    event = line.substring(start, end);
                } else {
                    throw notAnEntry(line);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw notAnEntry(line);
            }
        } catch (JsonProcessingException e) {
            throw notAnEntry(line);
        }
        if (seq == null || event == null) {
            throw notAnEntry(line);
        }
        return new Line(seq, null, null, event, recordedAt);
    }

    private static Instant instant(String text, String line) throws IOException {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw notAnEntry(line);
        }
    }

    private static IOException notAnEntry(String line) {
        return new IOException("log/entries.jsonl has a line that is not {\"seq\":n,\"recordedAt\":...,\"event\":{...}}: "
                + line.substring(0, Math.min(80, line.length())));
    }

    private static Line nextLeaf(BufferedReader leaves) throws IOException {
        String line = leaves.readLine();
        if (line == null || line.isBlank()) {
            return null;
        }
        String[] fields = line.split(",");
        try {
            return new Line(Long.parseLong(fields[1]), Long.parseLong(fields[0]), MerkleHashes.fromHex(fields[2]), null,
                    null);
        } catch (RuntimeException e) {
            throw new IOException("log/leaves.csv has a line that is not leafIndex,seq,leafHash: " + line);
        }
    }
}

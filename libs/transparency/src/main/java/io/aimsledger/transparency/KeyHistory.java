package io.aimsledger.transparency;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a log's checkpoints were signed with, oldest first. The chain holds when every key after the
 * first is vouched for by the key before it (its hand-over signature) and the keys take over at tree
 * sizes that never go back. A checkpoint is then good only if the key it names is in the history and
 * was current for its size: from the key's {@code fromTreeSize} up to the next key's (a checkpoint of
 * exactly the hand-over size may carry either key), so a retired key cannot sign a longer tree.
 */
public final class KeyHistory {

    private final List<KeyAnnouncement> keys;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<PublicKey> publicKeys = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    private KeyHistory(List<KeyAnnouncement> keys) {
        this.keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            findings.add("the key history is empty");
        }
        for (int i = 0; i < keys.size(); i++) {
            KeyAnnouncement key = keys.get(i);
            PublicKey publicKey = publicKey(key);
            publicKeys.add(publicKey);
            if (publicKey == null) {
                findings.add("the key announced as " + key.keyId() + " is not an Ed25519 public key in PEM");
            }
            if (positions.putIfAbsent(key.keyId(), i) != null) {
                findings.add("key " + key.keyId() + " is announced twice");
            }
            if (publicKey != null && !SigningKeys.keyId(publicKey).equals(key.keyId())) {
                findings.add("the key announced as " + key.keyId() + " has key id " + SigningKeys.keyId(publicKey));
            }
            if (i == 0) {
                if (key.fromTreeSize() != 0) {
                    findings.add("the first key " + key.keyId() + " signs from " + key.fromTreeSize()
                            + " entries, not from the empty tree");
                }
                continue;
            }
            KeyAnnouncement previous = keys.get(i - 1);
            PublicKey previousKey = publicKeys.get(i - 1);
            if (key.fromTreeSize() < previous.fromTreeSize()) {
                findings.add("key " + key.keyId() + " takes over at " + key.fromTreeSize() + " entries, before its "
                        + "predecessor " + previous.keyId() + " did (" + previous.fromTreeSize() + ")");
            }
            if (publicKey == null || previousKey == null
                    || !SigningKeys.verify(previousKey, key.handOverBytes(previous.keyId()), key.handOverSignature())) {
                findings.add("the hand-over to key " + key.keyId() + " is not signed by the key before it ("
                        + previous.keyId() + ")");
            }
        }
    }

    public static KeyHistory of(List<KeyAnnouncement> keys) {
        return new KeyHistory(keys);
    }

    /** The history of a log that only ever had this key (and exports from before key histories). */
    public static KeyHistory single(PublicKey key) {
        return new KeyHistory(List.of(KeyAnnouncement.first(key, java.time.Instant.EPOCH)));
    }

    public List<KeyAnnouncement> keys() {
        return keys;
    }

    public Optional<KeyAnnouncement> current() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.getLast());
    }

    public boolean announces(String keyId) {
        return positions.containsKey(keyId);
    }

    /** Why the chain of keys does not hold, in plain words; empty when it does. */
    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** Why {@code signed} is not a checkpoint of the key that was current for its tree size, or null if it is. */
    public String refusal(SignedCheckpoint signed) {
        long size = signed.checkpoint().treeSize();
        String what = "the checkpoint of " + size + " entries";
        Integer position = positions.get(signed.keyId());
        if (position == null) {
            return what + " is signed by key " + signed.keyId() + ", which the key history does not announce";
        }
        KeyAnnouncement key = keys.get(position);
        boolean last = position == keys.size() - 1;
        long until = last ? Long.MAX_VALUE : keys.get(position + 1).fromTreeSize();
        if (size < key.fromTreeSize() || size > until) {
            return what + " is signed by key " + key.keyId() + ", which signs only trees of " + key.fromTreeSize()
                    + (last ? " entries or more" : " to " + until + " entries");
        }
        PublicKey publicKey = publicKeys.get(position);
        if (publicKey == null || !signed.verify(publicKey)) {
            return what + " is not signed by key " + key.keyId() + " (the signature does not verify)";
        }
        return null;
    }

    private static PublicKey publicKey(KeyAnnouncement key) {
        try {
            return key.key();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

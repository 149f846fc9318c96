package io.aimsledger.transparency;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** A checkpoint with the Ed25519 signature over its text form and the id of the key that made it. */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, String signature) {

    /** The members of its JSON form in exports ({@code checkpoint.json}, {@code checkpoints.jsonl}), in order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("treeSize", checkpoint.treeSize());
        fields.put("rootHash", checkpoint.rootHash());
        fields.put("timestamp", checkpoint.timestamp());
        fields.put("keyId", keyId);
        fields.put("signature", signature);
        return fields;
    }

    /** Whether {@code signature} (base64) is {@code key}'s Ed25519 signature over the checkpoint's text. */
    public boolean verify(PublicKey key) {
        return SigningKeys.verify(key, checkpoint.signedBytes(), signature);
    }
}

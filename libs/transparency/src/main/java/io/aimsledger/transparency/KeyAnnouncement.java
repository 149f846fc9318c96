package io.aimsledger.transparency;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One key of the signing-key history: the public key (SubjectPublicKeyInfo PEM), the tree size and time
 * from which it signs checkpoints, and the previous key's signature over the hand-over (null for the
 * first key). What the previous key signs is {@link #handOverText(String)}, six lines each ending in a
 * line feed:
 * <pre>
 * AIMS Ledger audit key hand-over v1
 * &lt;previous key id&gt;
 * &lt;this key id&gt;
 * &lt;this public key: its DER (SubjectPublicKeyInfo) in base64&gt;
 * &lt;fromTreeSize, decimal&gt;
 * &lt;from (ISO 8601 UTC, at most millisecond precision)&gt;
 * </pre>
 */
public record KeyAnnouncement(String keyId, String publicKey, long fromTreeSize, String from, String handOverSignature) {

    public static final String HEADER = "AIMS Ledger audit key hand-over v1";

    /** The first key of a log: it signs from the empty tree on, and no earlier key vouches for it. */
    public static KeyAnnouncement first(PublicKey key, Instant from) {
        return new KeyAnnouncement(SigningKeys.keyId(key), SigningKeys.publicPem(key), 0, time(from), null);
    }

    /** {@code next} signs from {@code fromTreeSize} entries on, as {@code previous} attests by signing the hand-over. */
    public static KeyAnnouncement handedOver(KeyPair previous, PublicKey next, long fromTreeSize, Instant from) {
        var unsigned = new KeyAnnouncement(SigningKeys.keyId(next), SigningKeys.publicPem(next), fromTreeSize, time(from),
                null);
        String previousKeyId = SigningKeys.keyId(previous.getPublic());
        return new KeyAnnouncement(unsigned.keyId, unsigned.publicKey, fromTreeSize, unsigned.from,
                SigningKeys.sign(previous.getPrivate(), unsigned.handOverBytes(previousKeyId)));
    }

    public PublicKey key() {
        return SigningKeys.readPublic(publicKey);
    }

    public String handOverText(String previousKeyId) {
        return HEADER + "\n" + previousKeyId + "\n" + keyId + "\n"
                + Base64.getEncoder().encodeToString(key().getEncoded()) + "\n" + fromTreeSize + "\n" + from + "\n";
    }

    byte[] handOverBytes(String previousKeyId) {
        return handOverText(previousKeyId).getBytes(StandardCharsets.UTF_8);
    }

    /** The members of its JSON form ({@code GET /checkpoints/keys}, {@code keys.json} in exports), in order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keyId", keyId);
        fields.put("publicKey", publicKey);
        fields.put("fromTreeSize", fromTreeSize);
        fields.put("from", from);
        fields.put("handOverSignature", handOverSignature);
        return fields;
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

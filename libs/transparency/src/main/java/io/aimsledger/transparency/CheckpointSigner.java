package io.aimsledger.transparency;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

/** Signs checkpoints with an Ed25519 key pair. */
public final class CheckpointSigner {

    private final KeyPair keys;
    private final String keyId;

    public CheckpointSigner(KeyPair keys) {
        this.keys = keys;
        this.keyId = SigningKeys.keyId(keys.getPublic());
    }

    public String keyId() {
        return keyId;
    }

    public KeyPair keys() {
        return keys;
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(checkpoint.signedBytes());
            return new SignedCheckpoint(checkpoint, keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}

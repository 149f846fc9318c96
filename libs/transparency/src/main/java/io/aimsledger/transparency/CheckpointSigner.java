package io.aimsledger.transparency;

import java.security.KeyPair;

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
        return new SignedCheckpoint(checkpoint, keyId, SigningKeys.sign(keys.getPrivate(), checkpoint.signedBytes()));
    }
}

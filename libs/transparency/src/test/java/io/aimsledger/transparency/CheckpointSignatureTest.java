package io.aimsledger.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CheckpointSignatureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String ROOT = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    /** RFC 8032 section 7.1, TEST 1: the secret key, its public key and the signature of the empty message. */
    @Test
    void aPrivateKeyInPemGivesRfc8032sPublicKeyAndSignature() throws Exception {
        byte[] pkcs8 = HEX.parseHex("302e020100300506032b657004220420"
                + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";

        KeyPair keys = SigningKeys.readPrivate(pem);

        byte[] spki = keys.getPublic().getEncoded();
        assertThat(HEX.formatHex(spki, spki.length - 32, spki.length))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        assertThat(HEX.formatHex(signer.sign())).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(SigningKeys.readPublic(SigningKeys.publicPem(keys.getPublic()))).isEqualTo(keys.getPublic());
        assertThat(SigningKeys.readPrivate(SigningKeys.privatePem(keys.getPrivate())).getPublic()).isEqualTo(keys.getPublic());
    }

    @Test
    void aSignedCheckpointVerifiesWithItsKeyAndNothingElse() {
        var signer = new CheckpointSigner(SigningKeys.generate());
        Checkpoint checkpoint = Checkpoint.of(7, HEX.parseHex(ROOT), Instant.parse("2026-11-24T10:15:30.123456Z"));
        SignedCheckpoint signed = signer.sign(checkpoint);

        assertThat(checkpoint.timestamp()).isEqualTo("2026-11-24T10:15:30.123Z");
        assertThat(checkpoint.signedText()).isEqualTo("AIMS Ledger audit checkpoint v1\n7\n" + ROOT
                + "\n2026-11-24T10:15:30.123Z\n");
        assertThat(signed.keyId()).isEqualTo(SigningKeys.keyId(signer.keys().getPublic())).hasSize(16);
        assertThat(signed.verify(signer.keys().getPublic())).isTrue();
        assertThat(new SignedCheckpoint(new Checkpoint(8, ROOT, checkpoint.timestamp()), signed.keyId(), signed.signature())
                .verify(signer.keys().getPublic())).isFalse();
        assertThat(new SignedCheckpoint(new Checkpoint(7, ROOT.replace('5', '6'), checkpoint.timestamp()), signed.keyId(),
                signed.signature()).verify(signer.keys().getPublic())).isFalse();
        assertThat(new SignedCheckpoint(new Checkpoint(7, ROOT, "2026-11-24T10:15:31Z"), signed.keyId(), signed.signature())
                .verify(signer.keys().getPublic())).isFalse();
        assertThat(signed.verify(SigningKeys.generate().getPublic())).isFalse();
        assertThat(new SignedCheckpoint(checkpoint, signed.keyId(), "not base64!").verify(signer.keys().getPublic())).isFalse();
    }
}

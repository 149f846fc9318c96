package io.aimsledger.transparency;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in PEM: the private key as PKCS#8 ("PRIVATE KEY", what {@code openssl genpkey
 * -algorithm ed25519} writes), the public key as SubjectPublicKeyInfo ("PUBLIC KEY"). The key id is
 * the first 8 bytes, in hex, of the SHA-256 of the public key's DER encoding.
 */
public final class SigningKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    /** The key pair of a PEM private key (the public key is derived from it). */
    public static KeyPair readPrivate(String pem) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
            return new KeyPair(publicKeyOf((EdECPrivateKey) key), key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PEM (PKCS#8)", e);
        }
    }

    public static PublicKey readPublic(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in PEM", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** The Ed25519 signature of {@code bytes}, in base64. */
    public static String sign(PrivateKey key, byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} (base64) is {@code key}'s Ed25519 signature of {@code bytes}. */
    public static boolean verify(PublicKey key, byte[] bytes, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(bytes);
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from a private one, but its key pair
     * generator takes the 32-byte private key from the random source: handing it the private key's
     * bytes derives the public key as RFC 8032 section 5.1.5 does.
     */
    static PublicKey publicKeyOf(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] secret = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key is not extractable"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != secret.length) {
                    throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
                }
                System.arraycopy(secret, 0, bytes, 0, secret.length);
            }
        });
        KeyPair derived = generator.generateKeyPair();
        if (!Arrays.equals(((EdECPrivateKey) derived.getPrivate()).getBytes().orElseThrow(), secret)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return derived.getPublic();
    }

    private static byte[] block(String pem, String type) {
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            }
        }
        throw new IllegalArgumentException("no " + type + " block in the PEM text");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

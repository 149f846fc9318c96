package io.aimsledger.localservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/** The Keycloak distribution the build resolved, and the realm file every deployment imports. */
public final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    public static String version() {
        return buildProperties().getProperty("keycloak.version");
    }

    /** The {@code keycloak-quarkus-dist} zip in the local Maven repository. */
    public static Path zip() {
        return Path.of(buildProperties().getProperty("keycloak.zip"));
    }

    /** {@code deploy/keycloak/aims-realm.json}, packaged into this library by the build. */
    public static byte[] realmJson() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("aims-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("aims-realm.json is missing from the local-servers jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties buildProperties() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/aims-local-servers.properties")) {
            var properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

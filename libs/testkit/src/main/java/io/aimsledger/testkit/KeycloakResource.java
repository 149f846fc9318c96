package io.aimsledger.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test's OIDC at the test JVM's real Keycloak with the {@code aims} realm. */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", TestServers.keycloak().realmUrl());
    }

    @Override
    public void stop() {
        // Keycloak lives as long as the test JVM (see TestServers).
    }
}

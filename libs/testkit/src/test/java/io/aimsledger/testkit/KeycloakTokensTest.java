package io.aimsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

class KeycloakTokensTest {

    @ParameterizedTest
    @CsvSource({"alice, aims-editor", "bob, aims-approver", "carol, auditor", "dave, aims-viewer", "admin, aims-admin"})
    void aDemoUsersTokenCarriesTheRealmRoleTheRealmGivesThem(String user, String role) {
        JsonNode claims = Tokens.claims(Tokens.forUser(user));

        assertThat(claims.path("preferred_username").asText()).isEqualTo(user);
        assertThat(claims.path("iss").asText()).isEqualTo(TestServers.keycloak().realmUrl());
        assertThat(realmRoles(claims)).contains(role)
                .doesNotContainAnyElementsOf(otherAimsRoles(role));
    }

    @Test
    void theIntegrationClientGetsATokenWithTheIntegrationRoleOnly() {
        JsonNode claims = Tokens.claims(Tokens.forIntegration());

        assertThat(claims.path("preferred_username").asText()).isEqualTo("service-account-ci-pipeline");
        assertThat(realmRoles(claims)).contains("integration").doesNotContainAnyElementsOf(otherAimsRoles("integration"));
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> Tokens.request(Map.of("grant_type", "password", "client_id", "aims-cli",
                "username", "alice", "password", "not-alice")))
                .hasMessageContaining("invalid_grant");
    }

    private static List<String> realmRoles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static List<String> otherAimsRoles(String role) {
        List<String> all = new ArrayList<>(List.of("aims-viewer", "aims-editor", "aims-approver", "auditor",
                "integration", "aims-admin"));
        all.remove(role);
        return all;
    }
}

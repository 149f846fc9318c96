package io.aimsledger.testkit;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real access tokens from the test Keycloak. */
public final class Tokens {

    public static final String PUBLIC_CLIENT = "aims-cli";
    public static final String INTEGRATION_CLIENT = "ci-pipeline";
    public static final String INTEGRATION_SECRET = "ci-pipeline-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A demo user's token (their password is their user name), by the password grant of the public client. */
    public static String forUser(String username) {
        return request(Map.of("grant_type", "password", "client_id", PUBLIC_CLIENT,
                "username", username, "password", username, "scope", "openid"));
    }

    /** The CI pipeline integration's token, by client credentials. */
    public static String forIntegration() {
        return request(Map.of("grant_type", "client_credentials", "client_id", INTEGRATION_CLIENT,
                "client_secret", INTEGRATION_SECRET));
    }

    /** A demo user's ID token (not an access token: the services must refuse it). */
    public static String idTokenForUser(String username) {
        return request(Map.of("grant_type", "password", "client_id", PUBLIC_CLIENT,
                "username", username, "password", username, "scope", "openid"), "id_token");
    }

    /** A demo user's access token issued to another client of the realm (the services must refuse it). */
    public static String forUserOfClient(String username, String clientId) {
        return request(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", username));
    }

    /** The claims of a token, decoded without checking the signature (the servers under test check it). */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    static String request(Map<String, String> form) {
        return request(form, "access_token");
    }

    static String request(Map<String, String> form, String tokenField) {
        var ordered = new LinkedHashMap<>(form);
        String body = ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(TestServers.keycloak().tokenUri())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get(tokenField).asText();
        } catch (IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

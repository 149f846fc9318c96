package io.aimsledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The HTTP calls of the harness: one client, JSON in and out, tokens from the platform's Keycloak. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** An access token for a demo user (password = user name), by the CLI client's password grant. */
    static String token(URI tokenEndpoint, String user) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=aims-cli&username=" + user + "&password=" + user))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static HttpRequest.Builder get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).GET();
    }

    static HttpRequest.Builder postJson(URI uri, String token, String body) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static JsonNode getJson(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(get(uri, token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}

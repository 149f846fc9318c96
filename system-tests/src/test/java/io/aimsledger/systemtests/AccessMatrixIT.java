package io.aimsledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who may do what, for every operation of the five services: the operations come from the OpenAPI document
 * each service serves (a new endpoint is covered without editing this test), the expected answer from the
 * role rules of API.md, restated below; every refusal leaves every event store and the audit log as they were.
 */
@Order(2)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** API.md, "Auth": which realm roles grant which of the permissions an OpenAPI document asks for. */
    private static final Map<String, Set<String>> PERMISSIONS_OF_ROLE = Map.of(
            "aims-viewer", Set.of("access:read", "access:audit"),
            "aims-editor", Set.of("access:read", "access:write"),
            "aims-approver", Set.of("access:read", "access:approve"),
            "auditor", Set.of("access:read", "access:audit"),
            "integration", Set.of("access:ingest"),
            "aims-admin", Set.of("access:read", "access:write", "access:ingest", "access:audit", "access:administer"));

    /** An operation of a service, with the permissions its OpenAPI document asks for (none: public). */
    record Operation(String service, String method, String path, Set<String> permissions, String contentType) {
        boolean isPublic() {
            return permissions.isEmpty();
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service + ")";
        }
    }

    /** Who calls: a token (or none), and the permissions it should carry; {@code valid} false for any bad token. */
    record Caller(String name, String token, Set<String> permissions, boolean valid) {
    }

    private static List<Operation> operations;
    private static List<Caller> callers;

    @BeforeAll
    static void theMatrix() throws Exception {
        LaunchedPlatform.launcher();
        operations = new ArrayList<>();
        for (String service : LaunchedPlatform.MODULES) {
            operations.addAll(operationsOf(service));
        }
        callers = List.of(
                new Caller("no token", null, Set.of(), false),
                new Caller("expired token", expiredToken("dave"), Set.of(), false),
                new Caller("token signed by another key", signedByAnotherKey(LaunchedPlatform.token("admin")), Set.of(),
                        false),
                new Caller("ID token", LaunchedPlatform.idToken("admin"), Set.of(), false),
                new Caller("token of another client", LaunchedPlatform.tokenField(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", "admin"), "access_token"), Set.of(), false),
                user("dave", "aims-viewer"), user("alice", "aims-editor"), user("bob", "aims-approver"),
                user("carol", "auditor"), user("admin", "aims-admin"),
                new Caller("integration client", LaunchedPlatform.integrationToken(),
                        PERMISSIONS_OF_ROLE.get("integration"), true));
    }

    private static Caller user(String name, String role) {
        return new Caller(name + " (" + role + ")", LaunchedPlatform.token(name), PERMISSIONS_OF_ROLE.get(role), true);
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheRoleRulesSayAndRefusalsChangeNothing() throws Exception {
        assertThat(operations).hasSizeGreaterThan(60);
        List<String> deviations = new ArrayList<>();
        Map<String, Long> before = LedgerCounts.settled();
        int refusals = 0;
        for (Operation operation : operations) {
            for (Caller caller : callers) {
                Expected expected = expected(operation, caller);
                if (expected != Expected.ALLOWED) {
                    refusals++;
                    check(operation, caller, expected, deviations);
                }
            }
        }
        assertThat(LedgerCounts.now()).as("event stores and audit log after %d refusals", refusals).isEqualTo(before);
        for (Operation operation : operations) {
            for (Caller caller : callers) {
                if (expected(operation, caller) == Expected.ALLOWED) {
                    check(operation, caller, Expected.ALLOWED, deviations);
                }
            }
        }
        System.out.printf("Access matrix: %d operations x %d callers = %d requests, %d refusals, %d deviations%n",
                operations.size(), callers.size(), operations.size() * callers.size(), refusals, deviations.size());
        assertThat(deviations).isEmpty();
        assertThat(refusals).as("refusals in the matrix").isGreaterThan(operations.size() * 5);
    }

    enum Expected { ALLOWED, UNAUTHORIZED, FORBIDDEN }

    private static Expected expected(Operation operation, Caller caller) {
        if (operation.isPublic()) {
            return Expected.ALLOWED; // the audit's public keys: whatever the caller sends, they are public
        }
        if (!caller.valid()) {
            return Expected.UNAUTHORIZED;
        }
        return caller.permissions().stream().anyMatch(operation.permissions()::contains) ? Expected.ALLOWED
                : Expected.FORBIDDEN;
    }

    private static void check(Operation operation, Caller caller, Expected expected, List<String> deviations)
            throws Exception {
        HttpResponse<String> response = send(operation, caller);
        int status = response.statusCode();
        boolean ok = switch (expected) {
            case UNAUTHORIZED -> status == 401;
            case FORBIDDEN -> status == 403;
            case ALLOWED -> status != 401 && status != 403 && status < 500;
        };
        if (!ok) {
            deviations.add(operation + " as " + caller.name() + ": expected " + expected + ", got " + status + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    private static HttpResponse<String> send(Operation operation, Caller caller) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(LaunchedPlatform.url(operation.service()) + concrete(operation.path())))
                .timeout(Duration.ofSeconds(30));
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        if (operation.contentType() != null) {
            request.header("Content-Type", operation.contentType());
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> SAMPLE_VALUES = Map.of("collection", "ai-systems", "report", "soa",
            "framework", "nist-ai-rmf", "controlId", "A.2.2");

    /** The path with its parameters filled: ids by random UUIDs, the rest by a value of their kind. */
    static String concrete(String path) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(out, SAMPLE_VALUES.getOrDefault(parameter.group(1), UUID.randomUUID().toString()));
        }
        return parameter.appendTail(out).toString();
    }

    /** The operations a service's OpenAPI document lists, with the permissions of its security requirement. */
    static List<Operation> operationsOf(String service) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(LaunchedPlatform.url(service)
                + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Operation> found = new ArrayList<>();
        JSON.readTree(response.body()).path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(method -> {
                    if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        return;
                    }
                    Set<String> permissions = new HashSet<>();
                    method.getValue().path("security").forEach(requirement -> requirement.properties()
                            .forEach(scheme -> scheme.getValue().forEach(scope -> permissions.add(scope.asText()))));
                    String contentType = method.getValue().path("requestBody").path("content").propertyStream()
                            .map(Map.Entry::getKey).filter(type -> type.contains("json")).findFirst()
                            .orElse(method.getValue().has("requestBody") ? "application/json" : null);
                    found.add(new Operation(service, method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                            permissions, contentType));
                }));
        return found;
    }

    /** A real access token of {@code user} that has expired: issued while the client's lifespan was one second. */
    private static String expiredToken(String user) throws Exception {
        String admin = LaunchedPlatform.tokenField("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"), "access_token");
        String clients = "http://localhost:" + LaunchedPlatform.KEYCLOAK_PORT + "/admin/realms/aims/clients";
        ObjectNode client = (ObjectNode) JSON.readTree(adminCall(admin, "GET", clients + "?clientId=aims-cli", null)).get(0);
        ObjectNode attributes = (ObjectNode) client.path("attributes");
        // Keycloak keeps a client attribute that an update leaves out or empties: afterwards the client gets the
        // realm's lifespan, which is what aims-realm.json gives it (it sets none of its own).
        String realmLifespan = JSON.readTree(adminCall(admin, "GET", "http://localhost:" + LaunchedPlatform.KEYCLOAK_PORT
                + "/admin/realms/aims", null)).path("accessTokenLifespan").asText();
        attributes.put("access.token.lifespan", "1");
        adminCall(admin, "PUT", clients + "/" + client.get("id").asText(), client.toString());
        String token;
        try {
            token = LaunchedPlatform.token(user);
        } finally {
            attributes.put("access.token.lifespan", realmLifespan);
            adminCall(admin, "PUT", clients + "/" + client.get("id").asText(), client.toString());
        }
        JsonNode fresh = claims(LaunchedPlatform.token(user));
        assertThat(fresh.get("exp").asLong() - fresh.get("iat").asLong()).as("the client's lifespan restored")
                .isGreaterThan(60);
        Instant expiry = Instant.ofEpochSecond(claims(token).get("exp").asLong());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
        return token;
    }

    private static String adminCall(String token, String method, String url, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    /** The claims of a real token, signed again by a key of our own under the realm's key id. */
    private static String signedByAnotherKey(String token) throws Exception {
        String[] parts = token.split("\\.");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var key = generator.generateKeyPair();
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key.getPrivate());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** Events in every service's store and entries in the audit log. */
    static final class LedgerCounts {
        /** The counts once the audit has caught up with what earlier tests wrote (two polls agree). */
        static Map<String, Long> settled() {
            var last = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<String, Long> counts = now();
                return counts.equals(last.getAndSet(counts));
            });
            return last.get();
        }

        static Map<String, Long> now() throws Exception {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String service : LaunchedPlatform.MODULES) {
                String database = LaunchedPlatform.DATABASES.get(service);
                counts.put(service, LaunchedPlatform.count(database, service.equals("audit-projection")
                        ? "select count(*) from audit_log" : "select count(*) from event_store"));
            }
            return counts;
        }
    }
}

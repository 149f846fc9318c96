package io.aimsledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * At least 10,000 generated requests across the operations of all five services (from their OpenAPI documents):
 * bodies built from each operation's schema with one part made hostile, hostile path and query values, headers
 * and content types, malformed multipart. None may be a 5xx; every error is a problem; no refused request
 * appends an event. A failure is shrunk to the smallest request that still fails before it is reported.
 */
@Order(3)
class HostileInputAtVolumeIT {

    private static final int REQUESTS = 10_000;
    private static final Duration BOUND = Duration.ofMinutes(12);
    private static final long SEED = 20261130L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final List<String> HOSTILE_VALUES = List.of("\"\"", "\"   \"", "null", "42", "-1", "1e999999",
            "true", "[]", "{}", "[null]", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"'; drop table event_store; --\"",
            "\"${jndi:ldap://x/a}\"", "\"<script>alert(1)</script>\"", "\"NOT_AN_ENUM\"", "\"2026-13-01T00:00:00Z\"",
            "\"+10000-01-01T00:00:00Z\"", "\"0000-01-01\"", "\"00000000-0000-0000-0000-00000000000g\"",
            "99999999999999999999", "\"" + "x".repeat(70_000) + "\"", "{\"nested\": {\"deeper\": [[[]]]}}");
    private static final List<String> HOSTILE_SEGMENTS = List.of("not-a-uuid", "%00", "..%2F..%2Fetc%2Fpasswd",
            "%C0%AF", "%FF%FE", "%F0%9F%92%A9", "x".repeat(10_000), "%25", "00000000-0000-0000-0000-00000000000g",
            "'%20or%201=1", "%E2%80%AE", "A.99.99");
    private static final List<String> HOSTILE_QUERY = List.of("-1", "0", "501", "99999999999999999999", "x",
            "2026-13-01T00:00:00Z", "+10000-01-01T00:00:00Z", "yesterday", "\u0000", "'; drop", "\ud83d\udca9",
            "y".repeat(5_000), "NOT_AN_ENUM", "%");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/json; charset=ISO-8859-1", "multipart/form-data", "multipart/form-data; boundary=",
            "application/cloudevents+json", "application/merge-patch+json", "*/*", "application/octet-stream");

    /** One request: where, how, and what it carried. */
    record Probe(AccessMatrixIT.Operation operation, String path, Map<String, String> query, Map<String, String> headers,
                 byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return operation.method() + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers + " body("
                    + (body == null ? 0 : body.length) + "): " + text.substring(0, Math.min(300, text.length()));
        }
    }

    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static List<AccessMatrixIT.Operation> operations;
    private static String admin;
    private static String approver;

    @BeforeAll
    static void theOperations() throws Exception {
        LaunchedPlatform.launcher();
        operations = new ArrayList<>();
        for (String service : LaunchedPlatform.MODULES) {
            operations.addAll(AccessMatrixIT.operationsOf(service));
            DOCUMENTS.put(service, JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(LaunchedPlatform.url(service)
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString()).body()));
        }
        admin = LaunchedPlatform.token("admin");
        approver = LaunchedPlatform.token("erin");
    }

    @Test
    void tenThousandHostileRequestsAreRefusedWithProblemsAndAppendNothing() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> perService = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        int sent = 0;
        while (sent < REQUESTS && System.nanoTime() < deadline) {
            if (sent % 1_000 == 0) {
                admin = LaunchedPlatform.token("admin"); // tokens live 15 minutes
                approver = LaunchedPlatform.token("erin");
            }
            Probe probe = generate(random);
            Outcome outcome = Outcome.of(probe);
            sent++;
            perService.merge(probe.operation().service(), 1, Integer::sum);
            statuses.merge(outcome.status(), 1, Integer::sum);
            if (outcome.failure() != null) {
                Probe minimal = shrink(probe, candidate -> Outcome.of(candidate).failure() != null);
                throw new AssertionError("request " + sent + " failed: " + outcome.failure() + "\n  as sent: "
                        + probe.describe() + "\n  shrunk: " + minimal.describe() + "\n  which gives: "
                        + Outcome.of(minimal).failure());
            }
        }
        System.out.printf("Hostile input: %d requests (per service %s), statuses %s%n", sent, perService, statuses);
        assertThat(sent).as("requests sent within %s", BOUND).isEqualTo(REQUESTS);
        assertThat(perService).hasSize(5);
        assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
        assertThat(statuses.entrySet().stream().filter(s -> s.getKey() >= 400).mapToInt(Map.Entry::getValue).sum())
                .as("requests refused").isGreaterThan(REQUESTS / 2);
    }

    /** What a probe did: its status, and what was wrong with the answer (null when nothing). */
    record Outcome(int status, String failure) {
        static Outcome of(Probe probe) {
            try {
                String database = LaunchedPlatform.DATABASES.get(probe.operation().service());
                boolean domain = !probe.operation().service().equals("audit-projection");
                long before = domain ? events(database) : 0;
                HttpResponse<String> response = send(probe);
                int status = response.statusCode();
                if (status >= 500) {
                    return new Outcome(status, "status " + status + ": " + response.body());
                }
                if (status >= 400) {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("application/problem+json")) {
                        return new Outcome(status, "status " + status + " as " + type + ", not a problem: "
                                + response.body());
                    }
                    JsonNode problem = JSON.readTree(response.body());
                    if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()) {
                        return new Outcome(status, "a problem without its status or title: " + response.body());
                    }
                    long after = domain ? events(database) : 0;
                    if (after != before) {
                        return new Outcome(status, "refused with " + status + " yet appended " + (after - before)
                                + " event(s)");
                    }
                }
                return new Outcome(status, null);
            } catch (Exception e) {
                return new Outcome(-1, "no answer: " + e);
            }
        }
    }

    private static final Map<String, java.sql.Connection> CONNECTIONS = new java.util.HashMap<>();

    /** Events in a service's store, on a connection kept for the run. */
    private static long events(String database) throws java.sql.SQLException {
        java.sql.Connection connection = CONNECTIONS.get(database);
        if (connection == null || !connection.isValid(2)) {
            connection = LaunchedPlatform.database(database);
            CONNECTIONS.put(database, connection);
        }
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from event_store")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void closeConnections() throws java.sql.SQLException {
        for (var connection : CONNECTIONS.values()) {
            connection.close();
        }
    }

    private static HttpResponse<String> send(Probe probe) throws Exception {
        String query = probe.query().entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(LaunchedPlatform.url(probe.operation().service()) + probe.path()
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + (probe.operation().permissions().contains("access:approve")
                        ? approver : admin));
        probe.headers().forEach(request::header);
        request.method(probe.operation().method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Probe generate(Random random) {
        var operation = operations.get(random.nextInt(operations.size()));
        String path = AccessMatrixIT.concrete(operation.path());
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = null;
        if (operation.contentType() != null) {
            headers.put("Content-Type", operation.contentType());
            body = validBody(operation).getBytes(StandardCharsets.UTF_8);
        }
        int kind = random.nextInt(10);
        if (kind < 5 && body != null) {
            body = hostileBody(random, operation, new String(body, StandardCharsets.UTF_8));
        } else if (kind < 6 && operation.path().contains("{")) {
            String segment = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
            path = operation.path().replaceAll("\\{[^}]+}", segment);
        } else if (kind < 8) {
            for (JsonNode parameter : parameters(operation)) {
                if (parameter.path("in").asText().equals("query") && random.nextBoolean()) {
                    query.put(parameter.path("name").asText(), HOSTILE_QUERY.get(random.nextInt(HOSTILE_QUERY.size())));
                }
            }
            query.putIfAbsent(random.nextBoolean() ? "limit" : "asOf", HOSTILE_QUERY.get(random.nextInt(HOSTILE_QUERY.size())));
        } else if (kind < 9) {
            switch (random.nextInt(4)) {
                case 0 -> headers.put("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
                case 1 -> headers.put("If-Match", List.of("W/\"1\"", "\"abc\"", "*, \"1\"", "\"\"", "1")
                        .get(random.nextInt(5)));
                case 2 -> headers.put("Idempotency-Key", "k".repeat(1 + random.nextInt(2) * 10_000));
                default -> headers.put("X-Padding", "p".repeat(40_000)); // past the server's header limit
            }
            if (body == null && operation.method().equals("POST")) {
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
        } else {
            headers.put("Content-Type", "multipart/form-data; boundary=b");
            body = hostileMultipart(random);
        }
        return new Probe(operation, path, query, headers, body);
    }

    private static byte[] hostileBody(Random random, AccessMatrixIT.Operation operation, String valid) {
        try {
            JsonNode tree = JSON.readTree(valid);
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    if (tree instanceof ObjectNode object && object.size() > 0) {
                        List<String> names = new ArrayList<>();
                        object.fieldNames().forEachRemaining(names::add);
                        object.set(names.get(random.nextInt(names.size())),
                                JSON.readTree(HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()))));
                        return JSON.writeValueAsBytes(object);
                    }
                    return "[]".getBytes(StandardCharsets.UTF_8);
                }
                case 3 -> {
                    return valid.substring(0, random.nextInt(Math.max(1, valid.length()))).getBytes(StandardCharsets.UTF_8);
                }
                case 4 -> {
                    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                    bytes[random.nextInt(bytes.length)] = (byte) (0x80 | random.nextInt(0x80)); // invalid UTF-8
                    return bytes;
                }
                case 5 -> {
                    return ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
                }
                case 6 -> {
                    return valid.replaceFirst("\\{", "{\"duplicate\": 1, \"duplicate\": 2, ")
                            .replace(", }", "}").getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    return ("{\"unknown\": \"" + "z".repeat(random.nextInt(3) * 1_000_000) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hostileMultipart(Random random) {
        String metadata = "{\"title\": \"T\", \"kind\": \"DOCUMENT\", \"controlIds\": [\"A.5.4\"]}";
        String whole = "--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                + metadata + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n";
        return switch (random.nextInt(4)) {
            case 0 -> whole.substring(0, random.nextInt(whole.length())).getBytes(StandardCharsets.UTF_8);
            case 1 -> whole.replace("name=\"metadata\"", "name=\"meta\u0000data\"").getBytes(StandardCharsets.UTF_8);
            case 2 -> whole.replace(metadata, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())))
                    .getBytes(StandardCharsets.UTF_8);
            default -> whole.replace("--b--", "--c--").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static List<JsonNode> parameters(AccessMatrixIT.Operation operation) {
        List<JsonNode> found = new ArrayList<>();
        DOCUMENTS.get(operation.service()).path("paths").path(operation.path())
                .path(operation.method().toLowerCase(java.util.Locale.ROOT)).path("parameters").forEach(found::add);
        return found;
    }

    /** A body that follows the operation's schema: each property a plausible value of its type. */
    private static String validBody(AccessMatrixIT.Operation operation) {
        JsonNode document = DOCUMENTS.get(operation.service());
        JsonNode content = document.path("paths").path(operation.path()).path(operation.method().toLowerCase(
                java.util.Locale.ROOT)).path("requestBody").path("content").path(operation.contentType());
        return sample(document, content.path("schema"), 0).toString();
    }

    private static JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return sample(document, document.path("components").path("schemas").path(name), depth);
        }
        if (schema.has("allOf")) {
            return sample(document, schema.get("allOf").get(0), depth);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String format = schema.path("format").asText();
        return switch (schema.path("type").asText("object")) {
            case "string" -> JSON.getNodeFactory().textNode(switch (format) {
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "date" -> "2026-12-31";
                case "uuid" -> UUID.randomUUID().toString();
                case "uri" -> "https://example.com/a";
                default -> "sample";
            });
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            default -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p -> object.set(p.getKey(),
                            sample(document, p.getValue(), depth + 1)));
                }
                yield object;
            }
        };
    }

    /** The smallest variant of {@code probe} that still fails: fewer headers and query values, a smaller body. */
    static Probe shrink(Probe probe, Predicate<Probe> fails) {
        Probe current = probe;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (Probe candidate : candidates(current)) {
                if (fails.test(candidate)) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    private static List<Probe> candidates(Probe probe) {
        List<Probe> candidates = new ArrayList<>();
        for (String header : probe.headers().keySet()) {
            Map<String, String> fewer = new LinkedHashMap<>(probe.headers());
            fewer.remove(header);
            candidates.add(new Probe(probe.operation(), probe.path(), probe.query(), fewer, probe.body()));
        }
        for (String name : probe.query().keySet()) {
            Map<String, String> fewer = new LinkedHashMap<>(probe.query());
            fewer.remove(name);
            candidates.add(new Probe(probe.operation(), probe.path(), fewer, probe.headers(), probe.body()));
        }
        if (probe.body() != null && probe.body().length > 1) {
            try {
                if (JSON.readTree(probe.body()) instanceof ObjectNode object) {
                    object.fieldNames().forEachRemaining(name -> {
                        ObjectNode fewer = object.deepCopy();
                        fewer.remove(name);
                        candidates.add(new Probe(probe.operation(), probe.path(), probe.query(), probe.headers(),
                                fewer.toString().getBytes(StandardCharsets.UTF_8)));
                    });
                }
            } catch (Exception notJson) {
                // not JSON: halves only
            }
            int half = probe.body().length / 2;
            candidates.add(new Probe(probe.operation(), probe.path(), probe.query(), probe.headers(),
                    java.util.Arrays.copyOf(probe.body(), half)));
        }
        return candidates;
    }
}

package io.aimsledger.evidence;

import static io.aimsledger.testkit.HostileInput.Kind.ENUM;
import static io.aimsledger.testkit.HostileInput.Kind.ID;
import static io.aimsledger.testkit.HostileInput.Kind.INSTANT;
import static io.aimsledger.testkit.HostileInput.Kind.LIST;
import static io.aimsledger.testkit.HostileInput.Kind.REQUIRED_TEXT;
import static io.aimsledger.testkit.HostileInput.Kind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.aimsledger.evidence.support.EvidenceApi;
import io.aimsledger.testkit.HostileInput;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Thousands of bad bodies, multipart uploads and parameters against every write of evidence-service: each a
 * 4xx problem, with nothing appended and no content stored.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = EvidenceApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class HostileInputTest {

    private static final int PER_ENDPOINT = 360;
    private static final String EVIDENCE = "/api/v1/evidence";
    private static final String BOUNDARY = "aimsBoundary7MA4YWxkTrZu0gW";
    private static final String METADATA = "{\"title\": \"t\", \"kind\": \"LOG\", \"controlIds\": [\"A.6.2.4\"], "
            + "\"description\": \"d\", \"effectiveAt\": \"2026-01-01T00:00:00Z\", \"validUntil\": \"2027-01-01T00:00:00Z\"}";
    private static final Map<String, HostileInput.Kind> METADATA_FIELDS = Map.of("title", REQUIRED_TEXT, "kind", ENUM,
            "controlIds", LIST, "description", TEXT, "effectiveAt", INSTANT, "validUntil", INSTANT);

    private record Endpoint(String user, String path, String validBody, Map<String, HostileInput.Kind> fields) {
    }

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyHostileBodyUploadAndParameterIsAClientProblemAndStoresNothing() throws Exception {
        String id = EvidenceApi.external("alice", List.of("A.6.2.4"), java.time.Instant.parse("2026-01-01T00:00:00Z"), null);
        String other = EvidenceApi.external("alice", List.of("A.6.2.4"), java.time.Instant.parse("2026-01-01T00:00:00Z"), null);
        List<Endpoint> endpoints = List.of(
                new Endpoint("alice", EVIDENCE, METADATA.replace("}", ", \"externalUri\": \"https://x.example/r\", "
                        + "\"sha256\": \"" + "ab".repeat(32) + "\"}"), Map.of("title", REQUIRED_TEXT,
                        "kind", ENUM, "controlIds", LIST, "effectiveAt", INSTANT, "externalUri", REQUIRED_TEXT,
                        "sha256", REQUIRED_TEXT)),
                new Endpoint("alice", EVIDENCE + "/" + id + "/links", "{\"controlIds\": [\"A.6.2.5\"]}",
                        Map.of("controlIds", LIST)),
                new Endpoint("bob", EVIDENCE + "/" + id + "/review", "{\"decision\": \"ACCEPT\", \"comment\": \"ok\"}",
                        Map.of("decision", ENUM, "comment", TEXT)),
                new Endpoint("alice", EVIDENCE + "/" + id + "/supersede", "{\"byEvidenceId\": \"" + other + "\"}",
                        Map.of("byEvidenceId", ID)));
        long eventsBefore = EvidenceApi.count("select count(*) from event_store");
        long contentBefore = EvidenceApi.count("select count(*) from evidence_content");

        var hostile = new HostileInput(29);
        for (Endpoint endpoint : endpoints) {
            String token = Tokens.forUser(endpoint.user());
            for (byte[] body : hostile.bodies(endpoint.validBody(), endpoint.fields(), PER_ENDPOINT)) {
                check(endpoint.path(), RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post(endpoint.path()), body);
            }
        }
        String alice = Tokens.forUser("alice");
        for (byte[] metadata : hostile.bodies(METADATA, METADATA_FIELDS, PER_ENDPOINT)) {
            byte[] body = multipart(metadata, "file", "r.txt", "text/plain", "evidence bytes".getBytes(StandardCharsets.UTF_8));
            checkMultipart(alice, "multipart/form-data; boundary=" + BOUNDARY, body);
        }
        for (Malformed malformed : malformedUploads(new Random(31))) {
            checkMultipart(alice, malformed.contentType(), malformed.body());
        }
        for (String bad : List.of("x y", "' or 1=1 --", "%00", "..", "a".repeat(65), "%F0%28%8C%BC")) {
            check(bad, RestAssured.given().auth().oauth2(alice).contentType(ContentType.JSON)
                    .body(Map.of("decision", "ACCEPT")).post(EVIDENCE + "/" + bad + "/review"), null, 400, 403, 404);
            check(bad, RestAssured.given().auth().oauth2(alice).get(EVIDENCE + "/" + bad + "/content"), null, 400, 404);
            for (String parameter : List.of("aiSystemId", "status", "expiringBefore", "limit", "cursor")) {
                check(parameter, RestAssured.given().auth().oauth2(alice).queryParam(parameter, bad).get(EVIDENCE), null, 400);
            }
        }

        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(2_000);
        assertThat(EvidenceApi.count("select count(*) from event_store")).isEqualTo(eventsBefore);
        assertThat(EvidenceApi.count("select count(*) from evidence_content")).isEqualTo(contentBefore);
    }

    private record Malformed(String contentType, byte[] body) {
    }

    /** Uploads whose framing is wrong: truncated, mislabelled, without parts, with parts of the wrong shape. */
    private static List<Malformed> malformedUploads(Random random) {
        String typed = "multipart/form-data; boundary=" + BOUNDARY;
        byte[] file = "evidence bytes".getBytes(StandardCharsets.UTF_8);
        byte[] valid = multipart(METADATA.getBytes(StandardCharsets.UTF_8), "file", "r.txt", "text/plain", file);
        List<Malformed> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // Cut off before the file part's closing boundary: never a complete upload.
            int cut = random.nextInt(valid.length - BOUNDARY.length() - 8);
            all.add(new Malformed(typed, Arrays.copyOf(valid, cut)));
        }
        for (int i = 0; i < 60; i++) {
            byte[] noise = new byte[1 + random.nextInt(400)];
            random.nextBytes(noise);
            all.add(new Malformed(typed, noise));
        }
        all.add(new Malformed("multipart/form-data", valid));
        all.add(new Malformed("multipart/form-data; boundary=other", valid));
        all.add(new Malformed("multipart/form-data; boundary=", valid));
        all.add(new Malformed(typed, new byte[0]));
        all.add(new Malformed(typed, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        all.add(new Malformed(typed, multipart(METADATA.getBytes(StandardCharsets.UTF_8), "attachment", "r.txt",
                "text/plain", file)));
        all.add(new Malformed(typed, multipart(null, "file", "r.txt", "text/plain", file)));
        all.add(new Malformed(typed, multipart(METADATA.getBytes(StandardCharsets.UTF_8), null, null, null, null)));
        all.add(new Malformed(typed, multipart("{\"title\": ".getBytes(StandardCharsets.UTF_8), "file", "r.txt",
                "text/plain", file)));
        all.add(new Malformed(typed, multipart(new byte[] {(byte) 0xC3, 0x28}, "file", "r.txt", "text/plain", file)));
        all.add(new Malformed(typed, multipart("[]".getBytes(StandardCharsets.UTF_8), "file", "r.txt", "text/plain", file)));
        all.add(new Malformed(typed, multipart("null".getBytes(StandardCharsets.UTF_8), "file", "r.txt", "text/plain", file)));
        all.add(new Malformed(typed, multipart(METADATA.replace("}", ", \"externalUri\": \"https://x.example/\"}")
                .getBytes(StandardCharsets.UTF_8), "file", "r.txt", "text/plain", file)));
        all.add(new Malformed(typed, new String(valid, StandardCharsets.ISO_8859_1)
                .replace("Content-Disposition: form-data; name=\"file\"", "Content-Disposition: form-data; name=\"fi\u0000le\"")
                .getBytes(StandardCharsets.ISO_8859_1)));
        all.add(new Malformed(typed, new String(valid, StandardCharsets.ISO_8859_1)
                .replace("Content-Disposition: form-data; name=\"metadata\"", "X: " + "h".repeat(70_000))
                .getBytes(StandardCharsets.ISO_8859_1)));
        all.add(new Malformed(typed, multipart(("{\"title\": \"" + "m".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "file", "r.txt", "text/plain", file)));
        return all;
    }

    private static byte[] multipart(byte[] metadata, String fileField, String fileName, String mediaType, byte[] file) {
        var out = new ByteArrayOutputStream();
        if (metadata != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(metadata);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (fileField != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void checkMultipart(String token, String contentType, byte[] body) {
        check("multipart", RestAssured.given().auth().oauth2(token).contentType(contentType).body(body).post(EVIDENCE), body);
    }

    private void check(String what, Response response, byte[] body, int... allowed) {
        sent++;
        int status = response.statusCode();
        boolean allowedStatus = allowed.length == 0 ? status >= 400 && status < 500
                : Arrays.stream(allowed).anyMatch(s -> s == status);
        boolean problem = String.valueOf(response.contentType()).startsWith("application/problem+json");
        if (!allowedStatus || !problem) {
            failures.add(what + " -> " + status + " " + response.contentType() + " "
                    + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8))));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}

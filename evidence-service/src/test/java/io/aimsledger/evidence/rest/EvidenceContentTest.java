package io.aimsledger.evidence.rest;

import static io.aimsledger.evidence.support.EvidenceApi.EVIDENCE;
import static io.aimsledger.evidence.support.EvidenceApi.count;
import static io.aimsledger.evidence.support.EvidenceApi.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.aimsledger.evidence.support.EvidenceApi;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Stored content: in and out with its hash, stored once, never served when it no longer matches, bounded in size. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = EvidenceApi.DATABASE))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class EvidenceContentTest {

    private static final int MIB = 1024 * 1024;
    static final String METADATA = """
            {"title": "Model card", "kind": "DOCUMENT", "controlIds": ["A.6.2.7"], "effectiveAt": "2026-01-15T00:00:00Z"}""";

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Response upload(String metadata, String fileName, byte[] file) {
        return given().auth().oauth2(token("alice")).multiPart("metadata", metadata, "application/json")
                .multiPart("file", fileName, file, "application/pdf").post(EVIDENCE);
    }

    @Test
    void aTwentyMebibyteFileGoesInAndComesOutWithItsHashAndTheSameBytesAreStoredOnce() throws Exception {
        byte[] file = bytes(20 * MIB, System.nanoTime());
        String sha = sha256(file);

        String id = upload(METADATA, "model-card.pdf", file).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("content.sha256", equalTo(sha))
                .body("content.size", equalTo(20 * MIB)).body("content.mediaType", equalTo("application/pdf"))
                .body("content.fileName", equalTo("model-card.pdf")).body("sha256", equalTo(sha))
                .body("collectedBy", equalTo("alice")).body("source", equalTo("MANUAL"))
                .body("effectiveAt", equalTo("2026-01-15T00:00:00Z")).body("createdAt", equalTo("2026-01-15T00:00:00Z"))
                .extract().path("id");

        Response download = given().auth().oauth2(token("dave")).get(EVIDENCE + "/{id}/content", id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
        assertThat(download.contentType()).startsWith("application/pdf");
        assertThat(download.header("Content-Disposition")).contains("model-card.pdf");
        assertThat(sha256(download.asByteArray())).isEqualTo(sha);

        String again = upload(METADATA, "copy.pdf", file).then().statusCode(201).extract().path("id");
        assertThat(again).isNotEqualTo(id);
        assertThat(count("select count(*) from evidence_content where sha256 = '" + sha + "'")).isEqualTo(1);
        assertThat(count("select count(*) from evidence_content_chunk where sha256 = '" + sha + "'")).isEqualTo(40);
        assertThat(sha256(given().auth().oauth2(token("dave")).get(EVIDENCE + "/{id}/content", again).asByteArray()))
                .isEqualTo(sha);
    }

    @Test
    void storedContentThatNoLongerMatchesItsHashIsRefusedAndNeverServed() throws Exception {
        byte[] file = bytes(3 * MIB / 2, System.nanoTime());
        String sha = sha256(file);
        String changed = upload(METADATA, "a.pdf", file).then().statusCode(201).extract().path("id");
        EvidenceApi.execute("update evidence_content_chunk set data = set_byte(data, 7, get_byte(data, 7) # 1) "
                + "where sha256 = '" + sha + "' and seq = 2");
        given().auth().oauth2(token("dave")).get(EVIDENCE + "/{id}/content", changed).then().statusCode(409)
                .contentType(EvidenceApi.PROBLEM).body("code", equalTo("evidence.content-corrupt"));

        byte[] other = bytes(MIB, System.nanoTime());
        String shortened = upload(METADATA, "b.pdf", other).then().statusCode(201).extract().path("id");
        EvidenceApi.execute("delete from evidence_content_chunk where sha256 = '" + sha256(other) + "' and seq = 1");
        given().auth().oauth2(token("dave")).get(EVIDENCE + "/{id}/content", shortened).then().statusCode(409)
                .body("code", equalTo("evidence.content-corrupt"));
    }

    @Test
    void contentAboveTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        long evidence = count("select count(*) from evidence");
        long contents = count("select count(*) from evidence_content");
        upload(METADATA, "big.bin", bytes(25 * MIB + 1, 7)).then().statusCode(413).contentType(EvidenceApi.PROBLEM)
                .body("code", equalTo("evidence.too-large"));
        assertThat(count("select count(*) from evidence")).isEqualTo(evidence);
        assertThat(count("select count(*) from evidence_content")).isEqualTo(contents);
    }

    @Test
    void aRefusedSubmissionStoresNoContent() throws Exception {
        byte[] file = bytes(MIB, System.nanoTime());
        upload(METADATA.replace("A.6.2.7", "NO-SUCH-CONTROL"), "c.pdf", file).then().statusCode(422)
                .body("code", equalTo("evidence.unknown-control"));
        upload(METADATA.replace("}", ", \"sha256\": \"" + "0".repeat(64) + "\"}"), "c.pdf", file).then().statusCode(422)
                .body("code", equalTo("evidence.hash-mismatch"));
        upload(METADATA.replace("}", ", \"validUntil\": \"2026-01-01T00:00:00Z\"}"), "c.pdf", file).then()
                .statusCode(422).body("code", equalTo("evidence.valid-until-not-after-effective"));
        assertThat(count("select count(*) from evidence_content where sha256 = '" + sha256(file) + "'")).isZero();
    }
}

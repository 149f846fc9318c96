package io.aimsledger.audit.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.aimsledger.audit.TestEvents;
import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Statement of Applicability as of two times, from the controls' published events and the contract's
 * report, with no code for either here: "the SoA on 31 March as we knew it then" and "as we know it now".
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = PostgresResource.DATABASE, value = "audit_reports"),
        @ResourceArg(name = PostgresResource.APPLICATION_ROLE, value = "aims_audit_app")})
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class ReportTest {

    private static final String SOA = "/api/v1/audit/soa";

    @Test
    void theSoaAsOfAnInstantIsTheControlsAsTheyStoodThen() throws Exception {
        String control = "AUDITED-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publish(control, 1, "2026-01-10T00:00:00Z", new ControlEvent.ControlCatalogued(control,
                ControlSource.CUSTOM, null, null, "Model cards", null, null));
        TestEvents.publish(control, 2, "2026-04-15T00:00:00Z", new ControlEvent.ApplicabilityDecided(control,
                Applicability.APPLICABLE, "we publish models, \"all\" of them"));
        await().atMost(Duration.ofSeconds(60)).until(() -> row(SOA, Map.of(), control) != null
                && "APPLICABLE".equals(row(SOA, Map.of(), control).get("applicability")));

        Map<String, Object> march = row(SOA, Map.of("asOf", "2026-03-31T00:00:00Z"), control);
        assertThat(march.get("applicability")).isEqualTo("UNDECIDED");
        assertThat(march.get("justification")).isNull();
        assertThat(row(SOA, Map.of("asOf", "2025-12-31T00:00:00Z"), control)).as("not yet catalogued").isNull();
        Map<String, Object> now = row(SOA, Map.of(), control);
        assertThat(now.get("justification")).isEqualTo("we publish models, \"all\" of them");

        byte[] csv = given().auth().oauth2(Tokens.forUser("carol")).accept("text/csv").queryParam("asOf",
                "2026-05-01T00:00:00Z").get(SOA).then().statusCode(200).contentType("text/csv").extract().asByteArray();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("controlId")).isEqualTo(control);
            assertThat(row.get("justification")).isEqualTo("we publish models, \"all\" of them");
        });
        given().auth().oauth2(Tokens.forUser("alice")).get(SOA).then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("carol")).get("/api/v1/audit/no-such-report").then().statusCode(404);
        given().auth().oauth2(Tokens.forUser("carol")).queryParam("asOf", "yesterday").get(SOA).then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(String path, Map<String, String> query, String control) {
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.forUser("carol")).queryParams(query).get(path)
                .then().statusCode(200).extract().path("rows");
        return rows.stream().filter(row -> control.equals(row.get("controlId"))).findFirst().orElse(null);
    }
}

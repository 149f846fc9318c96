package io.aimsledger.controls.soa;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.aimsledger.contracts.controls.v1.StatementOfApplicability;
import io.aimsledger.testkit.KafkaResource;
import io.aimsledger.testkit.KeycloakResource;
import io.aimsledger.testkit.PostgresResource;
import io.aimsledger.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The Statement of Applicability as JSON, CSV and XLSX, each read back: a row per control with its justification. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE, value = "controls"))
@WithTestResource(KafkaResource.class)
@WithTestResource(KeycloakResource.class)
class SoaTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aRowPerControlWithItsJustificationInEveryForm() throws Exception {
        String justification = "we train models in house, \"all\" of them; " + UUID.randomUUID();
        given().auth().oauth2(Tokens.forUser("alice")).contentType(ContentType.JSON)
                .body(Map.of("applicability", "APPLICABLE", "justification", justification))
                .put("/api/v1/controls/A.6.2.4/applicability").then().statusCode(200);

        List<Map<String, Object>> json = given().auth().oauth2(Tokens.forUser("dave")).accept(ContentType.JSON)
                .get("/api/v1/soa").then().statusCode(200).extract().path("rows");
        int controls = given().auth().oauth2(Tokens.forUser("dave")).queryParam("limit", 500).get("/api/v1/controls")
                .then().extract().<List<?>>path("items").size();
        assertThat(json).hasSize(controls).hasSizeGreaterThanOrEqualTo(38);
        assertThat(json).anySatisfy(row -> {
            assertThat(row.get("controlId")).isEqualTo("A.6.2.4");
            assertThat(row.get("justification")).isEqualTo(justification);
            assertThat((String) row.get("mappings")).contains("NIST_AI_RMF");
        });

        byte[] csv = given().auth().oauth2(Tokens.forUser("dave")).accept("text/csv").get("/api/v1/soa").then()
                .statusCode(200).contentType("text/csv").extract().asByteArray();
        List<Map<String, String>> parsed = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows.forEachRemaining(parsed::add);
        }
        assertThat(parsed).hasSize(controls);
        assertThat(parsed.getFirst().keySet()).containsExactlyElementsOf(StatementOfApplicability.COLUMNS);
        assertThat(parsed).anySatisfy(row -> {
            assertThat(row.get("controlId")).isEqualTo("A.6.2.4");
            assertThat(row.get("justification")).isEqualTo(justification);
            assertThat(row.get("applicability")).isEqualTo("APPLICABLE");
        });

        byte[] xlsx = given().auth().oauth2(Tokens.forUser("dave")).accept(XLSX).get("/api/v1/soa").then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("soa");
            var cells = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(controls);
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("controlId");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if ("A.6.2.4".equals(cells.formatCellValue(sheet.getRow(r).getCell(0)))) {
                    found = justification.equals(cells.formatCellValue(sheet.getRow(r).getCell(6)));
                }
            }
            assertThat(found).as("the row of A.6.2.4 with its justification").isTrue();
        }
    }

    @Test
    void frameworkCoverageListsEachRequirementWithItsMappedControlsKeepingDerivedMarks() {
        given().auth().oauth2(Tokens.forUser("alice")).contentType(ContentType.JSON)
                .body(Map.of("applicability", "APPLICABLE", "justification", "risk management is ours"))
                .put("/api/v1/controls/A.5.2/applicability").then().statusCode(200);
        assertThat(given().auth().oauth2(Tokens.forUser("dave")).get("/api/v1/frameworks").then().statusCode(200)
                .extract().<List<String>>path("$")).containsExactly("ISO42001", "EU_AI_ACT", "NIST_AI_RMF", "ISO27001");

        var iso = given().auth().oauth2(Tokens.forUser("dave")).get("/api/v1/frameworks/ISO42001/coverage").then()
                .statusCode(200).extract().jsonPath();
        assertThat(iso.getInt("counts.requirements")).isEqualTo(38);
        assertThat(iso.getInt("counts.applicable")).isPositive();
        var eu = given().auth().oauth2(Tokens.forUser("dave")).get("/api/v1/frameworks/EU_AI_ACT/coverage").then()
                .statusCode(200).extract().jsonPath();
        assertThat(eu.getList("requirements.mapped.derived.flatten()", Boolean.class)).isNotEmpty().containsOnly(true);
        var nist = given().auth().oauth2(Tokens.forUser("dave")).get("/api/v1/frameworks/NIST_AI_RMF/coverage").then()
                .statusCode(200).extract().jsonPath();
        assertThat(nist.getInt("counts.requirements")).isGreaterThan(10);
        assertThat(nist.getList("requirements.mapped.derived.flatten()", Boolean.class)).contains(false);
        given().auth().oauth2(Tokens.forUser("dave")).get("/api/v1/frameworks/SOX/coverage").then().statusCode(404);
    }
}

package io.aimsledger.contracts.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestSchemasTest {

    @Test
    void aValidDiscoveryPasses() {
        assertThat(IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED,
                "{\"externalRef\":\"mlflow:42\",\"name\":\"Churn model\",\"purpose\":\"Predict churn\"}")).isEmpty();
    }

    @Test
    void missingRequiredFieldsAndUnknownFieldsAreNamed() {
        var violations = IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED,
                "{\"name\":\"x\",\"surprise\":true}");

        assertThat(violations).extracting(SchemaViolation::message).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(violations.toString()).contains("externalRef").contains("purpose").contains("surprise");
    }

    @Test
    void wrongTypesAndOversizeStringsFail() {
        assertThat(IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED,
                "{\"externalRef\":1,\"name\":\"n\",\"purpose\":\"p\"}")).isNotEmpty();
        assertThat(IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED,
                "{\"externalRef\":\"e\",\"name\":\"" + "n".repeat(201) + "\",\"purpose\":\"p\"}")).isNotEmpty();
    }

    @Test
    void aModelVersionNeedsAnAiSystemReference() {
        assertThat(IngestSchemas.validate(IngestSchemas.MODEL_VERSION_REGISTERED,
                "{\"name\":\"m\",\"version\":\"1\"}")).isNotEmpty();
        assertThat(IngestSchemas.validate(IngestSchemas.MODEL_VERSION_REGISTERED,
                "{\"aiSystemId\":\"not-a-uuid\",\"name\":\"m\",\"version\":\"1\"}")).isNotEmpty();
        assertThat(IngestSchemas.validate(IngestSchemas.MODEL_VERSION_REGISTERED,
                "{\"aiSystemId\":\"0b8f6c1e-8f2a-4c6e-9a57-2d1f3c4b5a69\",\"name\":\"m\",\"version\":\"1\"}")).isEmpty();
    }

    @Test
    void dataThatIsNotAnObjectFails() {
        assertThat(IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED, "[1,2]")).isNotEmpty();
        assertThat(IngestSchemas.validate(IngestSchemas.AI_SYSTEM_DISCOVERED, "{not json")).isNotEmpty();
    }
}

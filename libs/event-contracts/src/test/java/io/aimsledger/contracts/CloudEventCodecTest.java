package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.InventoryEvent.AiSystemRegistered;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

class CloudEventCodecTest {

    @Test
    void anEnvelopeSurvivesTheStructuredJsonRoundTrip() {
        UUID id = UUID.randomUUID();
        var payload = new AiSystemRegistered(id, new Description("Credit scoring", null, "Score loan applications",
                "alice", "Retail", OrganizationRole.DEPLOYER, AiTechnique.MACHINE_LEARNING, null, null,
                List.of("applicants"), "Acme"), "mlflow:credit");
        var envelope = new EventEnvelope(UUID.randomUUID(), Contracts.REGISTRY.typeOf(payload), "/aims/inventory",
                id.toString(), Instant.parse("2026-03-31T10:15:30.123Z"), 1, "alice", "corr-1", null,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", PayloadCodec.write(payload));

        byte[] json = CloudEventCodec.toJson(envelope);
        EventEnvelope back = CloudEventCodec.toEnvelope(CloudEventCodec.fromJson(json));

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"specversion\":\"1.0\"")
                .contains("\"streamversion\":\"1\"").contains("\"actor\":\"alice\"");
        assertThat(back).usingRecursiveComparison().ignoringFields("data").isEqualTo(envelope);
        assertThat(PayloadCodec.read(back.type(), back.data())).isEqualTo(payload);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"hello\":1}|specversion",
            "[]|",
            "{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\"}|id",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"\",\"type\":\"t\"}|source",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\"}|type",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"yesterday\"}|time",
            "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"+999999999-12-31T23:59:59Z\"}|time"})
    void somethingThatIsNotACloudEventIsRefusedNamingTheAttribute(String json, String attribute) {
        assertThatThrownBy(() -> CloudEventCodec.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NotACloudEvent.class, e -> {
                    assertThat(e.field()).isEqualTo(attribute == null ? "" : attribute);
                    assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("com.").doesNotContain("io.");
                });
    }
}

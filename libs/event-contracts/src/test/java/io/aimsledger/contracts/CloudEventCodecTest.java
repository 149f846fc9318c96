package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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

    @Test
    void somethingThatIsNotACloudEventIsRefused() {
        assertThatThrownBy(() -> CloudEventCodec.fromJson("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }
}

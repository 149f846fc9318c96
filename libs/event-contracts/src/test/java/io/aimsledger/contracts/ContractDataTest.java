package io.aimsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An event whose data lacks what its contract requires is not a change of any entity (the audit logs it, no more). */
class ContractDataTest {

    private static io.cloudevents.CloudEvent event(String type, String data) {
        return CloudEventCodec.fromJson(CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(), type, "/aims/test",
                "s", Instant.parse("2026-03-01T00:00:00Z"), 1, "alice", null, null, null,
                data.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRiskOrControlEventWithoutItsRequiredDataIsNoChange() {
        assertThat(Timeline.Change.of(1, event("io.aimsledger.risk.risk-identified.v1", "{\"subject\":\"s\"}"))).isEmpty();
        assertThat(Timeline.Change.of(2, event("io.aimsledger.controls.owner-assigned.v1", "{\"owner\":\"a\"}"))).isEmpty();
        assertThat(Timeline.Change.of(3, event("io.aimsledger.controls.owner-assigned.v1",
                "{\"controlId\":\"A.2.2\",\"owner\":\"a\"}"))).isPresent();
    }
}

package io.aimsledger.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.DomainContract;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;

/** Another domain's published events, sent on its topic as its service's relay would send them. */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** Publishes {@code event} as version {@code version} of stream {@code subject}, taking effect at {@code at}; its event id. */
    public static UUID publish(String subject, long version, Object event, Instant at) throws Exception {
        DomainContract contract = Contracts.REGISTRY.contractOf(event);
        UUID id = UUID.randomUUID();
        byte[] cloudEvent = CloudEventCodec.toJson(new EventEnvelope(id, Contracts.REGISTRY.typeOf(event),
                contract.source(), subject, at, version, "alice", id.toString(), null, null, PayloadCodec.write(event)));
        TestTopics.send(contract.topic(), subject, new String(cloudEvent, StandardCharsets.UTF_8));
        return id;
    }
}

package io.aimsledger.inventory.ingest;

import java.time.Instant;
import java.util.UUID;

/** Inbound CloudEvents as integrations send them (structured JSON). */
final class InboundEvents {

    static final String DISCOVERED = "io.aimsledger.ingest.ai-system-discovered.v1";
    static final String MODEL_REGISTERED = "io.aimsledger.ingest.model-version-registered.v1";

    private InboundEvents() {
    }

    static String event(String id, String type, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/integrations/mlflow", "type": "%s",
                 "datacontenttype": "application/json", "data": %s}""".formatted(id, type, data);
    }

    static String discovered(String id, String externalRef, String owner) {
        return event(id, DISCOVERED, """
                {"externalRef": "%s", "name": "Fraud detector", "purpose": "Flag card fraud", "owner": "%s"}"""
                .formatted(externalRef, owner));
    }

    static String modelRegistered(String id, String externalRef) {
        return event(id, MODEL_REGISTERED, """
                {"externalRef": "%s", "name": "fraud-gbm", "version": "7", "registryUri": "mlflow://fraud-gbm/7"}"""
                .formatted(externalRef));
    }

    /** The event with its CloudEvents {@code time}. */
    static String at(String event, Instant time) {
        return event.replaceFirst("\"specversion\": \"1.0\",", "\"specversion\": \"1.0\", \"time\": \"" + time + "\",");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}

package io.aimsledger.inventory.ingest;

/** Why an inbound event was rejected (the {@code code} of a result, the {@code dlq-code} of a dead letter). */
final class IngestCodes {
    static final String INVALID_CLOUDEVENT = "cloudevent.invalid";
    static final String UNKNOWN_TYPE = "ingest.unknown-type";
    static final String SCHEMA_INVALID = "ingest.schema-invalid";

    private IngestCodes() {
    }
}

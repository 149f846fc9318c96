package io.aimsledger.eventstore.ingest;

/** Why an inbound event was rejected (the {@code code} of a result, the {@code dlq-code} of a dead letter). */
public final class IngestCodes {
    public static final String INVALID_CLOUDEVENT = "cloudevent.invalid";
    public static final String UNKNOWN_TYPE = "ingest.unknown-type";
    public static final String SCHEMA_INVALID = "ingest.schema-invalid";

    private IngestCodes() {
    }
}

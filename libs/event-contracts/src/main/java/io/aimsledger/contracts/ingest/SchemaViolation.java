package io.aimsledger.contracts.ingest;

/** Where an inbound event's data breaks its schema ({@code field} is empty for the whole object). */
public record SchemaViolation(String field, String message) {
}

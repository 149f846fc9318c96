package io.aimsledger.eventstore.ingest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.smallrye.mutiny.Uni;

/**
 * What one service does with the inbound CloudEvents types it takes (API.md, "POST /api/v1/ingest"):
 * {@link Ingest} checks the type, the data against its JSON Schema, the time and whether the event was
 * applied before, then hands a valid event here. A change must commit the inbox entry in its own
 * transaction ({@link IngestInbox#withEntry}); an event that changes nothing is remembered with
 * {@link IngestInbox#remember}.
 */
public interface IngestHandler {

    /** The inbox the service's ingest is recorded in (a consumer name of {@code inbox_processed}). */
    String inbox();

    /** The inbound types this service applies, each with a schema in {@code IngestSchemas}. */
    List<String> types();

    /** Applies one event whose data passed its schema, as {@code context} (actor, valid time, causation). */
    Uni<IngestResult> apply(InboundEvent event, JsonNode data, CommandContext context);

    /** The result of an event the domain refused; a refusal that means "applied before" is a duplicate. */
    default IngestResult rejected(InboundEvent event, Rejection rejection) {
        return IngestResult.rejected(event.id(), rejection.code(), rejection.getMessage());
    }
}

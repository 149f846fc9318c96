package io.aimsledger.inventory.ingest;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.eventstore.ingest.CloudEventsIngestResource;
import io.aimsledger.eventstore.ingest.Ingest;
import io.aimsledger.support.security.ActingUser;

/** The inventory's inbound CloudEvents over HTTP (API.md, "POST /api/v1/ingest"). */
@Path("/api/v1/ingest")
public class IngestResource extends CloudEventsIngestResource {

    public IngestResource(Ingest ingest, ActingUser user, ObjectMapper json) {
        super(ingest, user, json);
    }
}

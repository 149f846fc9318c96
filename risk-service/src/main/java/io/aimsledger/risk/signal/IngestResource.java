package io.aimsledger.risk.signal;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.eventstore.ingest.CloudEventsIngestResource;
import io.aimsledger.eventstore.ingest.Ingest;
import io.aimsledger.support.security.ActingUser;

/** Risk signals over HTTP (API.md, "POST /api/v1/ingest" of risk-service). */
@Path("/api/v1/ingest")
public class IngestResource extends CloudEventsIngestResource {

    public IngestResource(Ingest ingest, ActingUser user, ObjectMapper json) {
        super(ingest, user, json);
    }
}

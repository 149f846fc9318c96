package io.aimsledger.evidence.ingest;

import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.eventstore.ingest.CloudEventsIngestResource;
import io.aimsledger.eventstore.ingest.Ingest;
import io.aimsledger.support.security.ActingUser;

/** Evidence from integrations over HTTP (API.md, "POST /api/v1/ingest" of evidence-service). */
@Path("/api/v1/ingest")
public class IngestResource extends CloudEventsIngestResource {

    public IngestResource(Ingest ingest, ActingUser user, ObjectMapper json) {
        super(ingest, user, json);
    }
}

package io.aimsledger.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.aimsledger.support.problem.ProblemResponses;
import io.aimsledger.support.security.Access;

/** Placeholder until this domain is built: the endpoint exists, is secured, and says it is not there yet. */
@Path("/api/v1/evidence")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    @POST
    @RolesAllowed(Access.WRITE)
    public Response post(JsonNode body) {
        return ProblemResponses.notImplemented("Submitting evidence");
    }
}

package io.aimsledger.controls.control.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.support.security.Access;

/** The frameworks controls map to (API.md, {@code GET /api/v1/frameworks}). */
@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
public class FrameworkResource {

    @GET
    @RolesAllowed(Access.READ)
    public List<Framework> frameworks() {
        return List.of(Framework.values());
    }
}

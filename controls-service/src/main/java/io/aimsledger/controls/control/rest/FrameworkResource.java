package io.aimsledger.controls.control.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.controls.control.readmodel.ControlReadModel;
import io.aimsledger.controls.coverage.FrameworkCoverage;
import io.aimsledger.decider.Rejection;
import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.security.Access;
import io.smallrye.mutiny.Uni;

/** The frameworks controls map to (API.md, {@code GET /api/v1/frameworks}). */
@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
public class FrameworkResource {

    private final ControlReadModel readModel;

    public FrameworkResource(ControlReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @RolesAllowed(Access.READ)
    public List<Framework> frameworks() {
        return List.of(Framework.values());
    }

    @GET
    @Path("{framework}/coverage")
    @RolesAllowed(Access.READ)
    public Uni<FrameworkCoverage.Coverage> coverage(@PathParam("framework") String framework) {
        Framework known = Arrays.stream(Framework.values()).filter(f -> f.name().equals(framework)).findFirst()
                .orElseThrow(() -> Rejection.notFound(ProblemCodes.NOT_FOUND, "There is no framework " + framework
                        + "; there are " + List.of(Framework.values()) + "."));
        return readModel.all().map(controls -> FrameworkCoverage.of(known.name(), controls));
    }
}

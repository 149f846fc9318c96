package io.aimsledger.support.problem;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;

/** A test-only endpoint with a typed body, to see what clients get back for bad input. */
@Path("/api/v1/test-probe")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Colour { RED, GREEN }

    public record Item(@NotBlank String name) {
    }

    public record ProbeRequest(@NotBlank @Size(max = 20) String name, @NotNull Colour colour,
                               @Min(1) @Max(5) int count, List<@Valid Item> items) {
    }

    @POST
    @RolesAllowed(Access.WRITE)
    public ProbeRequest echo(@Valid @NotNull ProbeRequest request) {
        return request;
    }

    @GET
    @Path("/echo")
    @RolesAllowed(Access.READ)
    public String echo(@QueryParam("q") String q, @QueryParam("at") String at) {
        return q + " " + RequestValues.optionalInstant(at, "at");
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Access.READ)
    public String boom() {
        throw new IllegalStateException("secret internals at com.example.Hidden.method(Hidden.java:42)");
    }
}

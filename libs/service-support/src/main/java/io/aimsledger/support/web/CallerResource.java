package io.aimsledger.support.web;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.aimsledger.support.security.Access;
import io.aimsledger.support.security.RealmRoles;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET /api/v1/me}: who the token says the caller is, and which realm roles it carries. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    private static final List<String> REALM_ROLES = List.of(RealmRoles.VIEWER, RealmRoles.EDITOR,
            RealmRoles.APPROVER, RealmRoles.AUDITOR, RealmRoles.INTEGRATION, RealmRoles.ADMIN);

    private final SecurityIdentity identity;

    public CallerResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Access.READ, Access.INGEST})
    @Operation(summary = "The caller's user name and realm roles, as this service sees them")
    public CallerView me() {
        return new CallerView(identity.getPrincipal().getName(),
                REALM_ROLES.stream().filter(identity::hasRole).toList());
    }

    public record CallerView(String username, List<String> roles) {
    }
}

package io.aimsledger.controls.soa;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aimsledger.contracts.controls.v1.StatementOfApplicability;
import io.aimsledger.controls.control.readmodel.ControlReadModel;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Tables;
import io.smallrye.mutiny.Uni;

/**
 * The Statement of Applicability now (API.md, {@code GET /api/v1/soa}): a row per control, from the rows
 * the contract makes of the controls' views ({@link StatementOfApplicability}), as JSON, CSV or XLSX. The
 * audit answers the same rows as of any instant ({@code GET /api/v1/audit/soa}).
 */
@Path("/api/v1/soa")
public class SoaResource {

    private final ControlReadModel readModel;

    public SoaResource(ControlReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @RolesAllowed(Access.READ)
    @Produces({MediaType.APPLICATION_JSON, Tables.CSV, Tables.XLSX})
    public Uni<Response> soa(@Context HttpHeaders headers) {
        return readModel.all().map(controls -> {
            var rows = StatementOfApplicability.of(controls);
            return Tables.answer(headers, Map.of("rows", rows), new Tables.Table("soa", StatementOfApplicability.COLUMNS,
                    rows.stream().map(StatementOfApplicability.Row::values).toList()));
        });
    }
}

package io.aimsledger.audit.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.aimsledger.audit.Progress;
import io.aimsledger.audit.history.StateDocument;
import io.aimsledger.audit.log.Snapshots;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.Report;
import io.aimsledger.decider.Rejection;
import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.support.web.Tables;
import io.smallrye.common.annotation.Blocking;

/**
 * The published reports ({@link Contracts#REPORTS}, e.g. {@code soa}) as of two times: the report's rows
 * made by the contract from the views as they stood then, as JSON, CSV or XLSX. Nothing here knows a report.
 */
@Path("/api/v1/audit")
public class ReportResource {

    private final DataSource dataSource;
    private final Progress progress;
    private final Clock clock;

    public ReportResource(DataSource dataSource, Progress progress, Clock clock) {
        this.dataSource = dataSource;
        this.progress = progress;
        this.clock = clock;
    }

    @GET
    @Path("{report}")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    @Produces({MediaType.APPLICATION_JSON, Tables.CSV, Tables.XLSX})
    public Response report(@PathParam("report") String name, @QueryParam("asOf") String asOf,
                           @QueryParam("knownAt") String knownAt, @Context HttpHeaders headers) throws SQLException {
        Report<?, ?> report = Contracts.REPORTS.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> Rejection.notFound(ProblemCodes.NOT_FOUND, "The audit has no report called " + name + "."));
        EntityType<?, ?> type = Contracts.ENTITY_TYPES.byCollection(report.collection()).orElseThrow();
        Instant now = clock.instant();
        Instant validTime = RequestValues.optionalInstant(asOf, "asOf");
        Instant systemTime = RequestValues.optionalInstant(knownAt, "knownAt");
        Instant at = validTime == null ? now : validTime;
        Instant known = systemTime == null ? now : systemTime;
        List<?> views;
        try (Connection snapshot = Snapshots.open(dataSource)) {
            views = report.completed(StateDocument.views(snapshot, type, report.view(), at, known),
                    others(snapshot, at, known), at);
            snapshot.commit();
        }
        return answer(report, views, at, known, progress.complete(at), headers);
    }

    /** The other collections as they stood at the two times, from the same snapshot. */
    private static Report.Collections others(Connection snapshot, Instant at, Instant known) {
        return new Report.Collections() {
            @Override
            public <T> List<T> views(String collection, Class<T> view) {
                try {
                    return StateDocument.views(snapshot, Contracts.ENTITY_TYPES.byCollection(collection).orElseThrow(),
                            view, at, known);
                } catch (SQLException e) {
                    throw new IllegalStateException("reading " + collection + " for a report", e);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <V, R> Response answer(Report<V, R> report, List<?> read, Instant asOf, Instant knownAt,
                                          boolean complete, HttpHeaders headers) {
        List<R> rows = report.rows().apply((List<V>) read);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("asOf", asOf.toString());
        json.put("knownAt", knownAt.toString());
        json.put("complete", complete);
        json.put("rows", rows);
        return Tables.answer(headers, json, new Tables.Table(report.name(), report.columns(), report.table(rows)));
    }
}

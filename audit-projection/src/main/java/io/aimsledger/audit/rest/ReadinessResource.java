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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.audit.Progress;
import io.aimsledger.audit.history.StateDocument;
import io.aimsledger.audit.log.Snapshots;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.readiness.Coverage;
import io.aimsledger.contracts.readiness.Readiness;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.smallrye.common.annotation.Blocking;

/**
 * The questions an external auditor opens with (API.md, "audit-projection, once every domain flows in"),
 * answered from the entities' versions in one snapshot as of any two times, by the published functions
 * {@link Coverage} and {@link Readiness}: nothing here decides what counts.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    private final DataSource dataSource;
    private final Progress progress;
    private final Clock clock;

    public ReadinessResource(DataSource dataSource, Progress progress, Clock clock) {
        this.dataSource = dataSource;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * For each applicable control (as it stood at {@code to}), the intervals within [from, to) backed by
     * accepted evidence and the gaps, from the evidence as known at {@code knownAt}.
     */
    @GET
    @Path("coverage")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    public Map<String, Object> coverage(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("controlId") String controlId,
                                        @QueryParam("knownAt") String knownAt) throws SQLException {
        Instant start = RequestValues.instant(from, "from");
        Instant end = RequestValues.instant(to, "to");
        if (!start.isBefore(end)) {
            throw InvalidRequest.of("to", "must be after from");
        }
        Instant known = orNow(RequestValues.optionalInstant(knownAt, "knownAt"));
        String only = RequestValues.optionalText(controlId);
        List<Coverage.ControlCoverage> controls;
        try (Connection snapshot = Snapshots.open(dataSource)) {
            List<ControlView> atEnd = StateDocument.views(snapshot, Contracts.CONTROL, ControlView.class, end, known)
                    .stream().filter(control -> only == null || control.id().equals(only)).toList();
            List<EvidenceView> evidence = StateDocument.views(snapshot, Contracts.EVIDENCE, EvidenceView.class, known,
                    known);
            snapshot.commit();
            controls = Coverage.of(atEnd, evidence, start, end);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", start.toString());
        answer.put("to", end.toString());
        answer.put("knownAt", known.toString());
        answer.put("complete", progress.complete(end));
        answer.put("controls", controls);
        return answer;
    }

    /** Readiness as the AIMS stood at {@code asOf}, as known at {@code knownAt}. */
    @GET
    @Path("readiness")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    public Map<String, Object> readiness(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt)
            throws SQLException {
        Instant known = orNow(RequestValues.optionalInstant(knownAt, "knownAt"));
        Instant at = RequestValues.optionalInstant(asOf, "asOf");
        at = at == null ? known : at;
        Readiness readiness;
        try (Connection snapshot = Snapshots.open(dataSource)) {
            readiness = Readiness.of(at,
                    StateDocument.views(snapshot, Contracts.CONTROL, ControlView.class, at, known),
                    StateDocument.views(snapshot, Contracts.EVIDENCE, EvidenceView.class, at, known),
                    StateDocument.views(snapshot, Contracts.AI_SYSTEM, AiSystemView.class, at, known),
                    StateDocument.views(snapshot, Contracts.IMPACT_ASSESSMENT, ImpactAssessmentView.class, at, known),
                    StateDocument.views(snapshot, Contracts.RISK, RiskView.class, at, known));
            snapshot.commit();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", at.toString());
        answer.put("knownAt", known.toString());
        answer.put("complete", progress.complete(at));
        answer.put("controls", readiness.controls());
        answer.put("highRiskAiSystemsWithoutApprovedAssessment", readiness.highRiskAiSystemsWithoutApprovedAssessment());
        answer.put("risksOverAppetiteWithoutAcceptance", readiness.risksOverAppetiteWithoutAcceptance());
        return answer;
    }

    private Instant orNow(Instant instant) {
        return instant == null ? clock.instant() : instant;
    }
}

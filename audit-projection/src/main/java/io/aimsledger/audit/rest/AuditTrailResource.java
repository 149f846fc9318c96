package io.aimsledger.audit.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.log.AuditEntry;
import io.aimsledger.audit.log.AuditLog;
import io.aimsledger.audit.log.TrailQuery;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.MerkleHashes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The audit trail, oldest first (API.md, {@code GET /api/v1/audit/events}). */
@Path("/api/v1/audit/events")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {

    private final AuditLog log;
    private final Pool pool;
    private final ObjectMapper json;

    public AuditTrailResource(AuditLog log, Pool pool, ObjectMapper json) {
        this.log = log;
        this.pool = pool;
        this.json = json;
    }

    @GET
    @RolesAllowed(Access.AUDIT)
    public Uni<Page<TrailEntryView>> trail(@QueryParam("subject") String subject, @QueryParam("type") String type,
                                           @QueryParam("actor") String actor, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        int pageSize = RequestValues.limit(limit);
        var query = new TrailQuery(blankToNull(subject), blankToNull(type), blankToNull(actor),
                RequestValues.optionalInstant(from, "from"), RequestValues.optionalInstant(to, "to"),
                afterSeq(cursor), pageSize + 1);
        return log.trail(pool, query).map(entries -> {
            List<TrailEntryView> items = entries.stream().limit(pageSize).map(this::view).toList();
            String next = entries.size() > pageSize ? encode(items.getLast().seq()) : null;
            return new Page<>(items, next);
        });
    }

    private TrailEntryView view(AuditEntry entry) {
        return new TrailEntryView(entry.seq(), entry.eventId(), entry.type(), entry.source(), entry.subject(),
                entry.occurredAt(), entry.recordedAt(), entry.actor(), entry.correlationId(), data(entry),
                MerkleHashes.hex(MerkleHashes.leaf(CanonicalJson.canonicalize(entry.cloudEvent()))));
    }

    private JsonNode data(AuditEntry entry) {
        try {
            return json.readTree(entry.cloudEvent()).get("data");
        } catch (JsonProcessingException e) {
            // Only CloudEvents reach the log; should one ever not parse, the trail still shows the entry.
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static Long afterSeq(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("seq:")) {
                return Long.parseLong(decoded.substring(4));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw InvalidRequest.of("cursor", "is not a cursor this API returned");
    }
}

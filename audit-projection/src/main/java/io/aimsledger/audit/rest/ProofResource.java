package io.aimsledger.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.decider.Rejection;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.transparency.MerkleHashes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * RFC 9162 proofs (API.md): that an event is in the tree of a given size, and that a smaller tree is a
 * prefix of a larger one. Without a size, the proof is to the latest signed checkpoint (one is signed
 * first if the log grew since), so it can be checked against a signed root.
 */
@Path("/api/v1/audit/proofs")
@Produces(MediaType.APPLICATION_JSON)
public class ProofResource {

    static final String EVENT_NOT_FOUND = "audit.event-not-found";

    public record InclusionProofView(String eventId, long leafIndex, long treeSize, String leafHash,
                                     List<String> auditPath) {
    }

    public record ConsistencyProofView(long first, long second, List<String> consistencyPath) {
    }

    private final MerkleLog tree;
    private final Checkpointer checkpointer;
    private final Pool pool;

    public ProofResource(MerkleLog tree, Checkpointer checkpointer, Pool pool) {
        this.tree = tree;
        this.checkpointer = checkpointer;
        this.pool = pool;
    }

    @GET
    @Path("inclusion")
    @RolesAllowed(Access.AUDIT)
    public Uni<InclusionProofView> inclusion(@QueryParam("eventId") String eventId,
                                             @QueryParam("treeSize") String treeSize) {
        if (eventId == null || eventId.isBlank()) {
            throw InvalidRequest.of("eventId", "is required: the id of an event in the trail");
        }
        Long requestedSize = RequestValues.optionalLong(treeSize, "treeSize", 1);
        return tree.leafOf(pool, eventId).flatMap(leaf -> {
            if (leaf == null) {
                throw Rejection.notFound(EVENT_NOT_FOUND, "The audit trail has no event " + eventId + ".");
            }
            Uni<Long> size = requestedSize != null ? checkedSize(requestedSize, leaf.leafIndex() + 1, "treeSize")
                    : latestSignedSize();
            return size.flatMap(n -> tree.inclusionPath(pool, leaf.leafIndex(), n).map(path ->
                    new InclusionProofView(eventId, leaf.leafIndex(), n, MerkleHashes.hex(leaf.leafHash()), hex(path))));
        });
    }

    @GET
    @Path("consistency")
    @RolesAllowed(Access.AUDIT)
    public Uni<ConsistencyProofView> consistency(@QueryParam("first") String first,
                                                 @QueryParam("second") String second) {
        Long from = RequestValues.optionalLong(first, "first", 1);
        if (from == null) {
            throw InvalidRequest.of("first", "is required: the size of the earlier tree (a checkpoint's treeSize)");
        }
        Long to = RequestValues.optionalLong(second, "second", 1);
        Uni<Long> size = to != null ? checkedSize(to, from, "second") : latestSignedSize();
        return size.flatMap(n -> {
            if (n < from) {
                throw InvalidRequest.of("first", "the tree has " + n + " entries");
            }
            return tree.consistencyPath(pool, from, n).map(path -> new ConsistencyProofView(from, n, hex(path)));
        });
    }

    /** A requested size, if the tree has reached it and it holds at least {@code atLeast} entries. */
    private Uni<Long> checkedSize(long requested, long atLeast, String field) {
        return tree.head(pool).map(head -> {
            if (requested > head.size()) {
                throw InvalidRequest.of(field, "the tree has " + head.size() + " entries");
            }
            if (requested < atLeast) {
                throw InvalidRequest.of(field, "must be at least " + atLeast + " to hold that entry");
            }
            return requested;
        });
    }

    /** The size of the latest signed checkpoint (signed now if the log grew since), which holds every entry. */
    private Uni<Long> latestSignedSize() {
        return checkpointer.checkpointNow().map(signed -> signed.checkpoint().treeSize());
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(MerkleHashes::hex).toList();
    }
}

package io.aimsledger.audit.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.audit.proof.AuditSigningKey;
import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.audit.proof.KeyHistoryLog;
import io.aimsledger.audit.proof.LogVerifier;
import io.aimsledger.support.security.Access;
import io.aimsledger.support.web.RequestValues;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.LogCheck;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Whether the log is intact, and the signed tree heads that let anyone check it (API.md). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    /** {@code GET /verify}: {@code rootHash} and {@code treeSize} are those of the rows as they are now. */
    public record VerificationView(boolean valid, long treeSize, String rootHash, long checkedEntries,
                                   Long firstInvalidSeq, String finding, long invalidEntries, int checkpointsChecked,
                                   int keysChecked, long preTreeEntries, boolean derivedChecked,
                                   String firstDifferingEntity) {

        static VerificationView of(LogCheck.Result result) {
            return new VerificationView(result.valid(), result.treeSize(), result.rootHash(), result.checkedEntries(),
                    result.firstInvalidSeq(), result.finding(), result.invalidEntries(), result.checkpointsChecked(),
                    result.keysChecked(), result.preTreeEntries(), false, null);
        }

        VerificationView withDerived(String differingEntity) {
            if (differingEntity == null) {
                return new VerificationView(valid, treeSize, rootHash, checkedEntries, firstInvalidSeq, finding,
                        invalidEntries, checkpointsChecked, keysChecked, preTreeEntries, true, null);
            }
            return new VerificationView(false, treeSize, rootHash, checkedEntries, firstInvalidSeq,
                    valid ? "the stored versions of " + differingEntity + " are not the ones its events in the log "
                            + "imply (derived history changed?)" : finding,
                    invalidEntries + 1, checkpointsChecked, keysChecked, preTreeEntries, true, differingEntity);
        }
    }

    /** {@code GET /checkpoints/latest}; the signature is over the text form in the README. */
    public record CheckpointView(long treeSize, String rootHash, String timestamp, String keyId, String signature) {
    }

    private static final Duration DERIVATION_WAIT = Duration.ofMinutes(10);

    private final LogVerifier verifier;
    private final Checkpointer checkpointer;
    private final AuditSigningKey key;
    private final EntityHistory history;
    private final Pool pool;
    private final DataSource dataSource;

    public TransparencyResource(LogVerifier verifier, Checkpointer checkpointer, AuditSigningKey key,
                                EntityHistory history, Pool pool, DataSource dataSource) {
        this.dataSource = dataSource;
        this.verifier = verifier;
        this.checkpointer = checkpointer;
        this.key = key;
        this.history = history;
        this.pool = pool;
    }

    @GET
    @Path("verify")
    @Blocking
    @RolesAllowed(Access.AUDIT)
    public VerificationView verify(@QueryParam("derived") String derived) throws SQLException {
        boolean rederive = RequestValues.optionalBoolean(derived, "derived");
        VerificationView view = VerificationView.of(verifier.verify());
        if (!rederive) {
            return view;
        }
        // One snapshot for the whole re-derivation, so that events arriving meanwhile change nothing.
        String differing = pool.withTransaction(connection -> connection
                        .query("set transaction isolation level repeatable read").execute()
                        .flatMap(ignored -> history.derivedDifference(connection)))
                .await().atMost(DERIVATION_WAIT);
        return view.withDerived(differing);
    }

    /** The latest signed checkpoint; one is taken now if the log grew since the last. */
    @GET
    @Path("checkpoints/latest")
    @RolesAllowed(Access.AUDIT)
    public Uni<CheckpointView> latest() {
        return checkpointer.checkpointNow().map(signed -> new CheckpointView(signed.checkpoint().treeSize(),
                signed.checkpoint().rootHash(), signed.checkpoint().timestamp(), signed.keyId(), signed.signature()));
    }

    /**
     * Every key that ever signed checkpoints, oldest first, each with the tree size and time from which it
     * signs and its predecessor's signature over the hand-over (README); public by nature.
     */
    @GET
    @Path("checkpoints/keys")
    @PermitAll
    @Blocking
    public List<Map<String, Object>> keys() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return KeyHistoryLog.read(connection).keys().stream().map(KeyAnnouncement::fields).toList();
        }
    }

    /** The Ed25519 public key checkpoints are signed with now (SubjectPublicKeyInfo PEM); public by nature. */
    @GET
    @Path("checkpoints/public-key")
    @PermitAll
    @Produces("application/x-pem-file")
    public String publicKey() {
        return key.publicKeyPem();
    }
}

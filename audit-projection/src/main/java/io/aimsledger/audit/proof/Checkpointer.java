package io.aimsledger.audit.proof;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.SignedCheckpoint;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Takes a signed checkpoint of the tree every {@code every-entries} appends or every {@code every}
 * when the log grew (and one of the empty tree at the very start), so a signed head is never far behind.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final MerkleLog tree;
    private final CheckpointLog checkpoints;
    private final AuditSigningKey key;
    private final Pool pool;
    private final Clock clock;
    private final Vertx vertx;
    private final AuditConfig.Checkpoints config;
    private final AtomicBoolean signing = new AtomicBoolean();
    private final AtomicLong signedSize = new AtomicLong(-1);
    private volatile long timer = -1;

    public Checkpointer(MerkleLog tree, CheckpointLog checkpoints, AuditSigningKey key, Pool pool, Clock clock,
                        Vertx vertx, AuditConfig config) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
        this.pool = pool;
        this.clock = clock;
        this.vertx = vertx;
        this.config = config.checkpoint();
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.every().toMillis(), id -> signInBackground());
        signInBackground();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Told of every append; signs when enough entries came since the last checkpoint. */
    public void appended(long treeSize) {
        if (treeSize - signedSize.get() >= config.everyEntries()) {
            signInBackground();
        }
    }

    /** Signs the current tree head unless the latest checkpoint is of it already; answers the latest. */
    public Uni<SignedCheckpoint> checkpointNow() {
        return tree.head(pool).flatMap(head -> checkpoints.latest(pool).flatMap(latest -> {
            if (latest != null && latest.checkpoint().treeSize() >= head.size()) {
                signedSize.accumulateAndGet(latest.checkpoint().treeSize(), Math::max);
                return Uni.createFrom().item(latest);
            }
            return provenByItsNodes(head).flatMap(this::sign);
        }));
    }

    /**
     * The head as its nodes give it: a head row changed behind the log's back (by a superuser, say) is refused,
     * or its forged root would be signed and vouched for.
     */
    Uni<MerkleLog.TreeHead> provenByItsNodes(MerkleLog.TreeHead head) {
        if (head.size() == 0) {
            return Uni.createFrom().item(head);
        }
        return tree.root(pool, head.size()).map(root -> {
            if (!Arrays.equals(root, head.rootHash())) {
                LOG.errorf("The audit tree head of %d entries is not the root its nodes give; no checkpoint is signed "
                        + "(run GET /api/v1/audit/verify)", head.size());
                throw new IllegalStateException("the tree head of " + head.size() + " entries is not the root of its nodes");
            }
            return head;
        });
    }

    private Uni<SignedCheckpoint> sign(MerkleLog.TreeHead head) {
        SignedCheckpoint signed = key.signer().sign(Checkpoint.of(head.size(), head.rootHash(), clock.instant()));
        return checkpoints.store(pool, signed).flatMap(stored -> checkpoints.latest(pool).invoke(latestNow -> {
            if (!stored && latestNow.checkpoint().treeSize() < head.size()) {
                LOG.warnf("Key %s may no longer sign audit checkpoints: another instance handed it over to a new "
                        + "key; restart this one with the current key", signed.keyId());
            }
            signedSize.accumulateAndGet(latestNow.checkpoint().treeSize(), Math::max);
        }));
    }

    private void signInBackground() {
        if (!signing.compareAndSet(false, true)) {
            return;
        }
        checkpointNow().eventually(() -> signing.set(false)).subscribe().with(
                signed -> LOG.debugf("Checkpoint at %d entries", signed.checkpoint().treeSize()),
                failure -> LOG.warnf("Could not take an audit checkpoint (will try again): %s", failure.getMessage()));
    }
}

package io.aimsledger.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.audit.log.AuditLog;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.BatchHandler;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.PoisonRecord;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.MerkleHashes;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Reads every domain topic ({@code aims.<domain>.v<n>}, by pattern, so a new domain's topic is
 * picked up without a change here) into the audit log, a poll at a time, through SmallRye Reactive
 * Messaging's Kafka connector (channel {@value #CHANNEL}: batch consumption, the dead-letter strategy
 * onto {@value #DEAD_LETTERS}, tracing). A poll's offsets are committed only after its rows are
 * durable; a redelivered event meets the unique event id and adds nothing.
 * <p>
 * The log has one writer: an instance reads the topics only while it holds the {@link IngestLease}. Until
 * then it does not join the consumer group (it subscribes to the channel when it takes over), and it
 * answers queries as a standby.
 */
@ApplicationScoped
public class AuditConsumer {

    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);

    public static final String CHANNEL = "audit-events";
    public static final String DEAD_LETTERS = "aims.audit.dlq.v1";
    public static final String GROUP = "audit-projection";

    private final AuditLog log;
    private final MerkleLog tree;
    private final Checkpointer checkpointer;
    private final EntityHistory history;
    private final Pool pool;
    private final ConsumerProgress progress;
    private final KafkaClientService clients;
    private final BatchConsumer consumer;
    private final io.vertx.core.Vertx vertx;
    private final IngestLease lease;
    private final Multi<KafkaRecordBatch<String, byte[]>> batches;

    public AuditConsumer(AuditLog log, MerkleLog tree, Checkpointer checkpointer, EntityHistory history, Pool pool,
                         ConsumerProgress progress, KafkaClientService clients, DeadLetterLog deadLetters,
                         AuditConfig config, Instance<OpenTelemetry> telemetry, io.vertx.core.Vertx vertx,
                         IngestLease lease, @Channel(CHANNEL) Multi<KafkaRecordBatch<String, byte[]>> batches) {
        this.vertx = vertx;
        this.lease = lease;
        this.batches = batches;
        this.log = log;
        this.tree = tree;
        this.checkpointer = checkpointer;
        this.history = history;
        this.pool = pool;
        this.progress = progress;
        this.clients = clients;
        this.consumer = new BatchConsumer(config.consumer().group(), this::record, this::recordAll, deadLetters,
                telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop(), Duration.ofMillis(500));
    }

    void onStart(@Observes StartupEvent event) {
        // Idle partitions get no poll to refresh their end after: a caught-up projection is then seen complete.
        vertx.setPeriodic(1_000, timer -> refreshEnds());
        lease.start(this::takeOver, () -> {
            LOG.error("Lost the audit ingest lease (its database session ended); stopping, since another instance "
                    + "may write the log now");
            Quarkus.asyncExit(3);
        });
    }

    /**
     * Holding the lease: versions dropped by a migration (V6) are derived again from the log, then the
     * topics are read. Runs on the lease's thread.
     */
    private void takeOver() {
        long derived = pool.withTransaction(history::deriveIfMissing).await().atMost(Duration.ofMinutes(30));
        if (derived > 0) {
            LOG.infof("Derived the entity versions again from %d logged events", derived);
        }
        LOG.info("This instance holds the audit ingest lease and reads the domain topics");
        batches.onItem().transformToUniAndConcatenate(this::consume).subscribe().with(ignored -> { }, failure -> {
            LOG.errorf(failure, "The audit ingest stream failed; stopping so that a standby or a restart takes over");
            Quarkus.asyncExit(3);
        });
    }

    Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch).invoke(() -> {
            BatchConsumer.records(batch).forEach(record -> progress.applied(new TopicPartition(record.topic(),
                    record.partition()), record.offset()));
            refreshEnds();
        });
    }

    /** Where the partitions end, read on the connector's polling thread: after each poll, and every second. */
    private void refreshEnds() {
        KafkaConsumer<Object, Object> kafka = clients.getConsumer(CHANNEL);
        if (kafka != null) {
            kafka.runOnPollingThread(progress::ends).subscribe().with(ends -> { }, failure ->
                    LOG.debugf("Could not read where the partitions end: %s", failure.getMessage()));
        }
    }

    private Uni<Void> record(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        return recordAll(List.of(new BatchHandler.Delivery(record, event)));
    }

    /**
     * Logs the events of a poll, adds them to the Merkle tree and derives what they changed, in one
     * transaction and a few statements whatever their number; the tree head is locked first so that log
     * order and tree order are the same. Should any event fail, the whole poll is undone and the consumer
     * records them one by one, which isolates the one that fails.
     */
    private Uni<Void> recordAll(List<BatchHandler.Delivery> deliveries) {
        List<AuditLog.Received> received = new ArrayList<>(deliveries.size());
        List<byte[]> leafHashes = new ArrayList<>(deliveries.size());
        for (BatchHandler.Delivery delivery : deliveries) {
            ConsumerRecord<String, byte[]> record = delivery.record();
            requireSubject(delivery.event());
            leafHashes.add(leafHash(record.value()));
            received.add(new AuditLog.Received(record.topic(), record.partition(), record.offset(), record.value(),
                    delivery.event()));
        }
        AtomicLong treeSize = new AtomicLong(-1);
        return pool.withTransaction(connection -> tree.lockHead(connection)
                .flatMap(head -> log.appendAll(connection, received).flatMap(appended -> {
                    List<MerkleLog.NewLeaf> leaves = new ArrayList<>();
                    List<EntityHistory.EntityChange> changes = new ArrayList<>();
                    for (int i = 0; i < appended.size(); i++) {
                        AuditLog.Appended entry = appended.get(i);
                        if (entry != null) {
                            leaves.add(new MerkleLog.NewLeaf(entry.seq(), leafHashes.get(i)));
                            change(received.get(i).event(), entry).ifPresent(changes::add);
                        }
                    }
                    leaves.sort(Comparator.comparingLong(MerkleLog.NewLeaf::seq));
                    changes.sort(Comparator.comparingLong(change -> change.change().seq()));
                    return tree.appendAll(connection, head, leaves)
                            .invoke(appendedHead -> treeSize.set(appendedHead.size()))
                            .flatMap(ignored -> history.applyAll(connection, changes));
                }))).invoke(() -> {
            checkpointer.appended(treeSize.get());
            deliveries.forEach(d -> progress.occurred(new TopicPartition(d.record().topic(), d.record().partition()),
                    d.event().getTime() == null ? null : d.event().getTime().toInstant()));
        });
    }

    private static byte[] leafHash(byte[] received) {
        try {
            return MerkleHashes.leaf(CanonicalJson.canonicalize(new String(received, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecord("audit.not-canonical-json", "the event has no RFC 8785 canonical form: " + e.getMessage());
        }
    }

    private static void requireSubject(CloudEvent event) {
        var type = EntityHistory.typeOf(event.getType());
        if (type.isPresent() && (event.getSubject() == null || event.getSubject().isBlank())) {
            throw new PoisonRecord("audit.subject-invalid", "an event about a " + type.get().name()
                    + " must name it as its subject");
        }
    }

    /** The logged event as a change of its entity; empty when it is about none, or has no valid time. */
    private static Optional<EntityHistory.EntityChange> change(CloudEvent event, AuditLog.Appended appended) {
        var type = EntityHistory.typeOf(event.getType());
        if (type.isEmpty() || event.getTime() == null) {
            return Optional.empty();
        }
        return EntityHistory.changeOf(appended.seq(), event)
                .map(c -> new EntityHistory.EntityChange(type.get(), event.getSubject(), c, appended.recordedAt()));
    }
}

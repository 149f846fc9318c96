package io.aimsledger.audit.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.audit.Progress;
import io.aimsledger.audit.history.EntityHistory;
import io.aimsledger.audit.log.AuditLog;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.audit.proof.Checkpointer;
import io.aimsledger.eventstore.inbox.BatchHandler;
import io.aimsledger.eventstore.inbox.ConsumerSettings;
import io.aimsledger.eventstore.inbox.EventConsumer;
import io.aimsledger.eventstore.inbox.PoisonRecord;
import io.aimsledger.transparency.CanonicalJson;
import io.aimsledger.transparency.MerkleHashes;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Reads every domain topic ({@code aims.<domain>.v<n>}, by pattern, so a new domain's topic is
 * picked up without a change here) into the audit log. An offset is committed only after its row
 * is durable; a redelivered event meets the unique event id and adds nothing.
 */
@ApplicationScoped
public class AuditConsumer implements Progress {

    private static final Logger LOG = Logger.getLogger(AuditConsumer.class);

    public static final String DEAD_LETTERS = "aims.audit.dlq.v1";
    public static final String GROUP = "audit-projection";

    private final AuditLog log;
    private final MerkleLog tree;
    private final Checkpointer checkpointer;
    private final EntityHistory history;
    private final Pool pool;
    private final Map<TopicPartition, Instant> lastOccurred = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final Pattern topics;
    private final String bootstrapServers;
    private final String group;
    private final OpenTelemetry telemetry;
    private volatile EventConsumer consumer;

    public AuditConsumer(AuditLog log, MerkleLog tree, Checkpointer checkpointer, EntityHistory history, Pool pool,
                         AuditConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         Instance<OpenTelemetry> telemetry) {
        this.log = log;
        this.tree = tree;
        this.checkpointer = checkpointer;
        this.history = history;
        this.pool = pool;
        this.enabled = config.consumer().enabled();
        this.topics = Pattern.compile(config.topicPattern());
        this.bootstrapServers = bootstrapServers;
        this.group = config.consumer().group();
        this.telemetry = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
    }

    void onStart(@Observes StartupEvent event) {
        // Versions dropped by a migration (V6) are derived again from the log before new events arrive.
        long derived = pool.withTransaction(history::deriveIfMissing).await().atMost(Duration.ofMinutes(30));
        if (derived > 0) {
            LOG.infof("Derived the entity versions again from %d logged events", derived);
        }
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts reading where the group's committed offsets are (the beginning the first time). */
    public synchronized void start() {
        if (consumer == null) {
            consumer = new EventConsumer(ConsumerSettings.matching(bootstrapServers, group, topics, DEAD_LETTERS),
                    this::record, this::recordAll, telemetry);
            consumer.start();
        }
    }

    public synchronized void stop() {
        if (consumer != null) {
            consumer.stop();
            consumer = null;
        }
    }

    /**
     * Logs the event, adds it to the Merkle tree and derives what it changed, in one transaction; the
     * tree head is locked first so that log order and tree order are the same. The path of single
     * records and of batches that failed.
     */
    private Uni<Void> record(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        AtomicLong treeSize = new AtomicLong(-1);
        return Uni.createFrom().item(() -> leafHash(record.value())).flatMap(leafHash -> pool.withTransaction(
                connection -> tree.lockHead(connection).flatMap(head -> log.append(connection, record, event)
                        .flatMap(appended -> {
                            if (appended == null) {
                                return Uni.createFrom().voidItem();
                            }
                            return tree.append(connection, head, appended.seq(), leafHash)
                                    .invoke(appendedHead -> treeSize.set(appendedHead.size()))
                                    .flatMap(ignored -> derive(connection, event, appended));
                        })))).invoke(() -> {
            if (treeSize.get() >= 0) {
                checkpointer.appended(treeSize.get());
            }
            occurred(record, event);
        });
    }

    /**
     * The same for every event of a poll, in one transaction: one commit and one tree update for the
     * batch. Should any event fail, the whole batch is undone and the consumer records them one by one.
     */
    private Uni<Void> recordAll(List<BatchHandler.Delivery> deliveries) {
        List<byte[]> leafHashes = deliveries.stream().map(d -> leafHash(d.record().value())).toList();
        AtomicLong treeSize = new AtomicLong(-1);
        return pool.withTransaction(connection -> tree.lockHead(connection).flatMap(head -> {
            List<MerkleLog.NewLeaf> leaves = new ArrayList<>();
            return Multi.createFrom().range(0, deliveries.size())
                    .onItem().transformToUniAndConcatenate(i -> {
                        BatchHandler.Delivery delivery = deliveries.get(i);
                        return log.append(connection, delivery.record(), delivery.event()).flatMap(appended -> {
                            if (appended == null) {
                                return Uni.createFrom().voidItem();
                            }
                            leaves.add(new MerkleLog.NewLeaf(appended.seq(), leafHashes.get(i)));
                            return derive(connection, delivery.event(), appended);
                        });
                    })
                    .collect().last()
                    .flatMap(ignored -> tree.appendAll(connection, head, leaves))
                    .invoke(appendedHead -> treeSize.set(appendedHead.size()));
        })).invoke(() -> {
            checkpointer.appended(treeSize.get());
            deliveries.forEach(d -> occurred(d.record(), d.event()));
        }).replaceWithVoid();
    }

    private void occurred(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        if (event.getTime() != null) {
            lastOccurred.merge(new TopicPartition(record.topic(), record.partition()), event.getTime().toInstant(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private static byte[] leafHash(byte[] received) {
        try {
            return MerkleHashes.leaf(CanonicalJson.canonicalize(new String(received, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecord("audit.not-canonical-json", "the event has no RFC 8785 canonical form: " + e.getMessage());
        }
    }

    private Uni<Void> derive(SqlClient connection, CloudEvent event, AuditLog.Appended appended) {
        var type = EntityHistory.typeOf(event.getType());
        if (type.isEmpty() || event.getTime() == null) {
            return Uni.createFrom().voidItem();
        }
        if (event.getSubject() == null || event.getSubject().isBlank()) {
            throw new PoisonRecord("audit.subject-invalid", "an event about a " + type.get().name()
                    + " must name it as its subject");
        }
        var change = EntityHistory.change(appended.seq(), event.getId(), event.getType(), event.getTime().toInstant(),
                event.getExtension("streamversion"), event.getData() == null ? new byte[0] : event.getData().toBytes());
        return change.isEmpty() ? Uni.createFrom().voidItem()
                : history.apply(connection, type.get(), event.getSubject(), change.get(), appended.recordedAt());
    }

    /**
     * Whether every partition this projection reads has been read past {@code asOf}: caught up with
     * its end, or already at an event that took effect after it. False before partitions are assigned.
     */
    @Override
    public boolean complete(Instant asOf) {
        EventConsumer current = consumer;
        if (current == null) {
            return false;
        }
        Map<TopicPartition, Long> lag = current.lag();
        if (lag.isEmpty()) {
            return false;
        }
        return lag.entrySet().stream().allMatch(partition -> partition.getValue() == 0
                || lastOccurred.getOrDefault(partition.getKey(), Instant.MIN).isAfter(asOf));
    }

}

package io.aimsledger.audit.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.aimsledger.audit.Progress;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * How far the projection has applied each partition it reads: from where the group starts it (as the
 * connector assigns it), past every record applied or set aside, up to the partition's end as the
 * connector's consumer last saw it. Answers {@link Progress} for the REST side.
 */
@ApplicationScoped
@Default
@Identifier(ConsumerProgress.NAME)
public class ConsumerProgress implements Progress, KafkaConsumerRebalanceListener {

    static final String NAME = "audit-progress";

    private final Map<TopicPartition, Long> nextToApply = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Instant> lastOccurred = new ConcurrentHashMap<>();
    private final AtomicLong recordsApplied = new AtomicLong();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            nextToApply.put(partition, consumer.position(partition));
        }
        // Asked of the broker now: a partition that gets no record (a domain that has published nothing
        // yet) would otherwise have no known end, and the projection would never call itself complete.
        try {
            ends.putAll(consumer.endOffsets(partitions, Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            ends(consumer);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            nextToApply.remove(partition);
            ends.remove(partition);
        });
    }

    /**
     * Reads, on the connector's polling thread, where each assigned partition ends as the consumer last
     * fetched it. Where every record polled from a partition is applied, the consumer's position counts as
     * applied too: what lies between is transaction markers (the relays publish in Kafka transactions),
     * which no poll hands out and which would otherwise keep a caught-up partition from being complete.
     */
    Map<TopicPartition, Long> ends(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> found = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            consumer.currentLag(partition).ifPresent(lag -> found.put(partition, position + lag));
            Long polled = PolledRecords.lastPolled(partition);
            Long next = nextToApply.get(partition);
            if (next != null && (polled == null || next > polled)) {
                nextToApply.merge(partition, position, Math::max);
            }
        }
        ends.putAll(found);
        return found;
    }

    /** The record at {@code offset} of the partition is applied, or set aside. */
    void applied(TopicPartition partition, long offset) {
        recordsApplied.incrementAndGet();
        nextToApply.merge(partition, offset + 1, Math::max);
    }

    /** An event of the partition that took effect at {@code occurredAt} is in the log. */
    void occurred(TopicPartition partition, Instant occurredAt) {
        if (occurredAt != null) {
            lastOccurred.merge(partition, occurredAt, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Records applied or set aside since start, redeliveries included. */
    public long recordsApplied() {
        return recordsApplied.get();
    }

    /**
     * Whether every partition this projection reads has been read past {@code asOf}: applied up to its
     * end, or already at an event that took effect after it. False before partitions are assigned.
     */
    @Override
    public boolean complete(Instant asOf) {
        if (nextToApply.isEmpty()) {
            return false;
        }
        return nextToApply.entrySet().stream().allMatch(partition -> {
            Long end = ends.get(partition.getKey());
            return end != null && partition.getValue() >= end
                    || lastOccurred.getOrDefault(partition.getKey(), Instant.MIN).isAfter(asOf);
        });
    }
}

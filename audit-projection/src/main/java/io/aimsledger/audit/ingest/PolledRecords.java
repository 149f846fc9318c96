package io.aimsledger.audit.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offset of the last record each poll handed out, per partition, seen on the polling thread as the
 * poll returns (configured as the audit channel's {@code interceptor.classes}). With it
 * {@link ConsumerProgress} tells the offsets between the last record applied and the consumer's position
 * apart: records handed out and not applied yet, or transaction markers, which are never handed out.
 */
public class PolledRecords implements ConsumerInterceptor<Object, Object> {

    private static final Map<TopicPartition, Long> LAST_POLLED = new ConcurrentHashMap<>();

    /** The offset of the last record polled from {@code partition}, or null if none was. */
    static Long lastPolled(TopicPartition partition) {
        return LAST_POLLED.get(partition);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (TopicPartition partition : records.partitions()) {
            var polled = records.records(partition);
            if (!polled.isEmpty()) {
                LAST_POLLED.merge(partition, polled.getLast().offset(), Math::max);
            }
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}

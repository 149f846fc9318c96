package io.aimsledger.eventstore.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends a record that cannot be applied to a dead-letter topic, as it was, with why in its headers. */
public final class DeadLetters {

    public static final String CODE = "dlq-code";
    public static final String REASON = "dlq-reason";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    private static final int MAX_REASON = 1000;

    private DeadLetters() {
    }

    public static void send(Producer<String, byte[]> producer, String topic, ConsumerRecord<String, byte[]> record,
                            String code, String reason) throws Exception {
        var dead = new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers());
        dead.headers().remove(CODE).remove(REASON);
        dead.headers().add(CODE, bytes(code));
        dead.headers().add(REASON, bytes(reason == null ? "" : reason.length() > MAX_REASON
                ? reason.substring(0, MAX_REASON) : reason));
        dead.headers().add(ORIGINAL_TOPIC, bytes(record.topic()));
        dead.headers().add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        dead.headers().add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        producer.send(dead).get();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

package io.aimsledger.eventstore.inbox;

import java.time.Duration;
import java.util.List;

/**
 * Where an {@link EventConsumer} reads and where it puts what it cannot apply.
 *
 * @param group           the Kafka consumer group, also the consumer's name in its inbox
 * @param deadLetterTopic where poison records go, e.g. {@code aims.audit.dlq}
 * @param retryBackoff    first pause after a failure that may pass (database down); doubles up to a minute
 */
public record ConsumerSettings(String bootstrapServers, String group, List<String> topics, String deadLetterTopic,
                               Duration handlerTimeout, Duration retryBackoff) {

    public static ConsumerSettings of(String bootstrapServers, String group, List<String> topics,
                                      String deadLetterTopic) {
        return new ConsumerSettings(bootstrapServers, group, topics, deadLetterTopic, Duration.ofSeconds(30),
                Duration.ofMillis(500));
    }
}

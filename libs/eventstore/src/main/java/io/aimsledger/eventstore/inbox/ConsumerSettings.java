package io.aimsledger.eventstore.inbox;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an {@link EventConsumer} reads and where it puts what it cannot apply.
 *
 * @param group           the Kafka consumer group, also the consumer's name in its inbox
 * @param topics          the topics to read, or empty when {@code topicPattern} is given
 * @param topicPattern    read every topic whose name matches, including topics created later; or null
 * @param deadLetterTopic where poison records go, e.g. {@code aims.audit.dlq}
 * @param retryBackoff    first pause after a failure that may pass (database down); doubles up to a minute
 */
public record ConsumerSettings(String bootstrapServers, String group, List<String> topics, Pattern topicPattern,
                               String deadLetterTopic, Duration handlerTimeout, Duration retryBackoff) {

    public static ConsumerSettings of(String bootstrapServers, String group, List<String> topics,
                                      String deadLetterTopic) {
        return new ConsumerSettings(bootstrapServers, group, topics, null, deadLetterTopic, Duration.ofSeconds(30),
                Duration.ofMillis(500));
    }

    public static ConsumerSettings matching(String bootstrapServers, String group, Pattern topicPattern,
                                            String deadLetterTopic) {
        return new ConsumerSettings(bootstrapServers, group, List.of(), topicPattern, deadLetterTopic,
                Duration.ofSeconds(30), Duration.ofMillis(500));
    }
}

package io.aimsledger.eventstore.inbox;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;

/**
 * Applies every CloudEvent of one poll in one transaction, in partition order. If it fails for any
 * reason, nothing of the batch may have been applied: the consumer then applies the same records one
 * at a time with the {@link RecordHandler}, which finds the poison record, if there is one.
 */
@FunctionalInterface
public interface BatchHandler {

    record Delivery(ConsumerRecord<String, byte[]> record, CloudEvent event) {
    }

    Uni<Void> handleAll(List<Delivery> deliveries);
}

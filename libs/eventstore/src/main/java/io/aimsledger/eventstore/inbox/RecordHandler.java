package io.aimsledger.eventstore.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Uni;

/** Applies one CloudEvent from Kafka; throws {@link PoisonRecord} for input that can never be applied. */
@FunctionalInterface
public interface RecordHandler {

    Uni<Void> handle(ConsumerRecord<String, byte[]> record, CloudEvent event);
}

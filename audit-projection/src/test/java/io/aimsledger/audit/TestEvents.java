package io.aimsledger.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.testkit.TestServers;

/** Puts events on the domain topics the projection reads, as the services' relays would. */
public final class TestEvents {

    private TestEvents() {
    }

    public static void send(String topic, String key, byte[]... values) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", (Object) TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get();
            }
        }
    }

    /** Sends each value with its key, in the order given, with one producer. */
    public static void sendAll(String topic, List<Map.Entry<String, byte[]>> keyedValues) throws Exception {
        try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", (Object) TestServers.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> keyed : keyedValues) {
                producer.send(new ProducerRecord<>(topic, keyed.getKey(), keyed.getValue())).get();
            }
        }
    }

    /** An inventory event of AI system {@code id}, by alice, as its CloudEvent. */
    public static byte[] inventory(UUID id, long version, String occurredAt, InventoryEvent event) {
        return CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(), Contracts.REGISTRY.typeOf(event),
                "/aims/inventory", id.toString(), Instant.parse(occurredAt), version, "alice", null, null, null,
                PayloadCodec.write(event)));
    }

    /** An event of any published contract about {@code subject}, by alice, sent to its contract's topic. */
    public static void publish(String subject, long version, String occurredAt, Object event) throws Exception {
        var contract = Contracts.REGISTRY.contractOf(event);
        send(contract.topic(), subject, CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(),
                Contracts.REGISTRY.typeOf(event), contract.source(), subject, Instant.parse(occurredAt), version, "alice",
                null, null, null, PayloadCodec.write(event))));
    }

    public static void publish(UUID id, long version, String occurredAt, InventoryEvent event) throws Exception {
        send(Contracts.INVENTORY_V1.topic(), id.toString(), inventory(id, version, occurredAt, event));
    }
}

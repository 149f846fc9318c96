package io.aimsledger.risk.aisystem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchConsumer;
import io.aimsledger.eventstore.inbox.DeadLetterLog;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.replica.EntityReplica;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads the controls' events ({@code aims.controls.v1}, channel {@value #CHANNEL}) into the replica, each
 * in one transaction with its inbox entry, so that a treatment may name a custom control.
 */
@ApplicationScoped
public class ControlsConsumer {

    public static final String CHANNEL = "controls-events";
    static final String GROUP = "risk-controls-replica";
    static final String INBOX = "controls-replica";

    private final CommandHandler handler;
    private final EntityReplica replica;
    private final Inbox inbox;
    private final BatchConsumer consumer;

    public ControlsConsumer(CommandHandler handler, EntityReplica replica, Inbox inbox, DeadLetterLog deadLetters,
                            Instance<OpenTelemetry> telemetry) {
        this.handler = handler;
        this.replica = replica;
        this.inbox = inbox;
        this.consumer = BatchConsumer.recordByRecord(GROUP, this::apply, deadLetters, telemetry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(batch);
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        if (!Contracts.REGISTRY.isKnown(event.getType())) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        var payload = (ControlEvent) PayloadCodec.read(event.getType(), envelope.data());
        return handler.inTransaction(null, transaction -> inbox.isProcessed(transaction, INBOX, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : replica.apply(transaction, Contracts.CONTROL, payload.controlId(), payload,
                                envelope.streamVersion()).replaceWithVoid()
                        .call(() -> inbox.markProcessed(transaction, INBOX, event.getId()))));
    }
}

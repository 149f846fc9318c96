package io.aimsledger.eventstore.replica;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.Command;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.inbox.BatchHandler;
import io.aimsledger.eventstore.inbox.Inbox;
import io.aimsledger.eventstore.tx.Transaction;
import io.cloudevents.CloudEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Another domain's published events of one entity type, from Kafka into the {@link EntityReplica} (the
 * entity id is the CloudEvent's subject), each in one transaction with its inbox entry and with what the
 * service does when such an entity changes ({@link Reaction}), so a reaction happens exactly once. Events
 * of other types, or of a later contract version, are passed over. For a service's {@code BatchConsumer}.
 */
public final class ReplicaRecords<S, E> {

    /** What a service does, in the event's transaction, when an entity changed from {@code before} by {@code event}. */
    @FunctionalInterface
    public interface Reaction<S, E> {

        Uni<Void> apply(Transaction transaction, S before, E event, EventEnvelope envelope);

        static <S, E> Reaction<S, E> none() {
            return (transaction, before, event, envelope) -> Uni.createFrom().voidItem();
        }
    }

    /** The actor of the commands other domains' events cause. */
    public static final String SYSTEM = "system";

    private final CommandHandler handler;
    private final EntityReplica replica;
    private final Inbox inbox;
    private final EntityType<S, E> type;
    private final String inboxName;
    private final Reaction<S, E> reaction;

    public ReplicaRecords(CommandHandler handler, EntityReplica replica, Inbox inbox, EntityType<S, E> type,
                          String inboxName, Reaction<S, E> reaction) {
        this.handler = handler;
        this.replica = replica;
        this.inbox = inbox;
        this.type = type;
        this.inboxName = inboxName;
        this.reaction = reaction;
    }

    /** One record in a transaction of its own (a {@link io.aimsledger.eventstore.inbox.RecordHandler}). */
    public Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        return handler.inTransaction(null, transaction -> apply(transaction, event));
    }

    /**
     * Every record of a poll in one transaction, in order (a {@link BatchHandler}): one commit for the poll
     * instead of one per record. If any fails, none is applied and the consumer goes record by record.
     */
    public Uni<Void> applyAll(List<BatchHandler.Delivery> deliveries) {
        return handler.inTransaction(null, transaction -> Multi.createFrom().iterable(deliveries).onItem()
                .transformToUniAndConcatenate(delivery -> apply(transaction, delivery.event()))
                .collect().last().replaceWithVoid());
    }

    private Uni<Void> apply(Transaction transaction, CloudEvent event) {
        if (!Contracts.REGISTRY.isKnown(event.getType())) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope envelope = CloudEventCodec.toEnvelope(event);
        Object payload = PayloadCodec.read(event.getType(), envelope.data());
        if (!type.concerns(payload.getClass())) {
            return Uni.createFrom().voidItem();
        }
        E typed = type.events().cast(payload);
        return inbox.isProcessed(transaction, inboxName, event.getId())
                .flatMap(done -> done ? Uni.createFrom().voidItem()
                        : replica.apply(transaction, type, envelope.subject(), typed, envelope.streamVersion())
                        .flatMap(before -> reaction.apply(transaction, before, typed, envelope))
                        .call(() -> inbox.markProcessed(transaction, inboxName, event.getId())));
    }

    /**
     * The context of the commands an event causes: actor {@value #SYSTEM}, valid time the event's time
     * (now if it has none or is ahead of this clock), the event as causation, its correlation kept.
     */
    public static CommandContext causedBy(EventEnvelope envelope, Instant now) {
        Instant effectiveAt = envelope.time() == null || envelope.time().isAfter(now) ? null : envelope.time();
        return new CommandContext(SYSTEM, now, effectiveAt,
                envelope.correlationId() == null ? envelope.id().toString() : envelope.correlationId(),
                envelope.id().toString(), envelope.traceparent());
    }

    /**
     * Decides {@code commands} one after the other in {@code transaction}; one the domain refuses (a
     * stream that does not exist, a change back-dated before it did) is passed over, not a failure.
     */
    public static Uni<Void> decideEach(CommandHandler handler, Transaction transaction, List<? extends Command<?, ?, ?>> commands) {
        return Multi.createFrom().iterable(commands).onItem().transformToUniAndConcatenate(command ->
                        handler.decide(transaction, command).replaceWithVoid().onFailure(Rejection.class).recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}

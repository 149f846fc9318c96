package io.aimsledger.inventory.ingest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.aimsledger.eventstore.inbox.ConsumerSettings;
import io.aimsledger.eventstore.inbox.EventConsumer;
import io.aimsledger.eventstore.inbox.PoisonRecord;
import io.aimsledger.support.json.JsonBodies;
import io.aimsledger.support.problem.InvalidRequest;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The same inbound types over Kafka: {@code aims.inventory.ingest.v1}; what cannot be applied goes to
 * {@code aims.inventory.ingest.dlq.v1} with {@code dlq-code} and {@code dlq-reason}.
 */
@ApplicationScoped
public class KafkaIngest {

    public static final String TOPIC = "aims.inventory.ingest.v1";
    public static final String DEAD_LETTERS = "aims.inventory.ingest.dlq.v1";
    static final String GROUP = "inventory-ingest";

    private final IngestService ingest;
    private final boolean enabled;
    private final String bootstrapServers;
    private final OpenTelemetry telemetry;
    private EventConsumer consumer;

    public KafkaIngest(IngestService ingest, IngestConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       Instance<OpenTelemetry> telemetry) {
        this.ingest = ingest;
        this.enabled = config.kafka().enabled();
        this.bootstrapServers = bootstrapServers;
        this.telemetry = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumer = new EventConsumer(ConsumerSettings.of(bootstrapServers, GROUP, List.of(TOPIC), DEAD_LETTERS),
                    this::apply, telemetry);
            consumer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (consumer != null) {
            consumer.stop();
        }
    }

    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        try {
            JsonBodies.check(record.value());
        } catch (InvalidRequest e) {
            throw new PoisonRecord(IngestCodes.INVALID_CLOUDEVENT, e.problem().detail() + " " + e.violations());
        }
        InboundEvent inbound = InboundEvent.of(event);
        // No token on Kafka: the integration is known by the source it names. Hibernate Reactive runs on a
        // Vert.x context, which the consumer's thread does not have.
        IngestResult result;
        try {
            result = VertxContextSupport.subscribeAndAwait(() -> ingest.apply(inbound, "integration:" + inbound.source()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (result.status() == IngestResult.Status.REJECTED) {
            throw new PoisonRecord(result.code(), result.detail());
        }
        return Uni.createFrom().voidItem();
    }
}

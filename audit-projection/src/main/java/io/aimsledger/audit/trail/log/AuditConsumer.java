package io.aimsledger.audit.trail.log;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.aimsledger.eventstore.inbox.ConsumerSettings;
import io.aimsledger.eventstore.inbox.EventConsumer;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Reads every domain topic ({@code aims.<domain>.v<n>}, by pattern, so a new domain's topic is
 * picked up without a change here) into the audit log. An offset is committed only after its row
 * is durable; a redelivered event meets the unique event id and adds nothing.
 */
@ApplicationScoped
public class AuditConsumer {

    public static final String DEAD_LETTERS = "aims.audit.dlq.v1";
    static final String GROUP = "audit-projection";

    private final AuditLog log;
    private final Pool pool;
    private final boolean enabled;
    private final Pattern topics;
    private final String bootstrapServers;
    private final OpenTelemetry telemetry;
    private EventConsumer consumer;

    public AuditConsumer(AuditLog log, Pool pool,
                         @ConfigProperty(name = "aims.audit.consumer.enabled", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "aims.audit.topic-pattern", defaultValue = "aims\\.[a-z-]+\\.v[0-9]+")
                         String topics,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         Instance<OpenTelemetry> telemetry) {
        this.log = log;
        this.pool = pool;
        this.enabled = enabled;
        this.topics = Pattern.compile(topics);
        this.bootstrapServers = bootstrapServers;
        this.telemetry = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumer = new EventConsumer(ConsumerSettings.matching(bootstrapServers, GROUP, topics, DEAD_LETTERS),
                    (record, cloudEvent) -> log.append(pool, record, cloudEvent).replaceWithVoid(), telemetry);
            consumer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (consumer != null) {
            consumer.stop();
        }
    }
}

package io.aimsledger.eventstore.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.ingest.IngestSchemas;
import io.aimsledger.contracts.ingest.SchemaViolation;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.aimsledger.support.problem.ProblemCodes;
import io.smallrye.mutiny.Uni;

/**
 * Ingest as every service does it, over HTTP and Kafka alike: an event of a type the service takes,
 * whose data passes that type's JSON Schema and whose time is not ahead of this clock (beyond the
 * skew), and that was not applied before (per source and id), goes to the service's {@link IngestHandler}
 * as a command context: the actor, the event's time as valid time, the event as causation.
 */
@ApplicationScoped
public class Ingest {

    private final Instance<IngestHandler> handlers;
    private final IngestInbox inbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final IngestConfig config;

    public Ingest(Instance<IngestHandler> handlers, IngestInbox inbox, ObjectMapper json, Clock clock,
                  IngestConfig config) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    public Uni<IngestResult> apply(InboundEvent event, String actor) {
        IngestHandler handler = handlers.get();
        List<String> types = handler.types();
        if (!types.contains(event.type())) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), IngestCodes.UNKNOWN_TYPE,
                    "This service accepts " + String.join(" and ", types) + ", not " + event.type() + "."));
        }
        List<SchemaViolation> violations = IngestSchemas.validate(event.type(), event.data() == null ? "null" : event.data());
        if (!violations.isEmpty()) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), IngestCodes.SCHEMA_INVALID,
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "))));
        }
        Instant now = clock.instant();
        if (event.time() != null && event.time().isAfter(now.plus(config.clockSkew()))) {
            return Uni.createFrom().item(IngestResult.rejected(event.id(), ProblemCodes.TIME_IN_FUTURE, "The event's time "
                    + event.time() + " is more than " + config.clockSkew() + " after this service's clock (" + now + ")."));
        }
        // The event took effect at its time; one slightly ahead of this clock (within the skew) takes effect now.
        Instant effectiveAt = event.time() == null || event.time().isAfter(now) ? null : event.time();
        JsonNode data = parse(event.data());
        CommandContext context = new CommandContext(actor, now, effectiveAt, event.key(), event.id(),
                TraceContexts.currentTraceparent());
        return inbox.isProcessed(handler.inbox(), event).flatMap(done -> done
                        ? Uni.createFrom().item(IngestResult.duplicate(event.id()))
                        : handler.apply(event, data, context))
                .onFailure(Rejection.class).recoverWithItem(e -> handler.rejected(event, (Rejection) e));
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("data passed its schema but is not JSON", e);
        }
    }
}

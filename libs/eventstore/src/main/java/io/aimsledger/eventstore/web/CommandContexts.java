package io.aimsledger.eventstore.web;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.aimsledger.support.security.ActingUser;
import io.quarkus.arc.DefaultBean;

/**
 * The context of a command issued over HTTP: the acting user from the token, the time from the
 * service's clock, the caller's correlation id (or a new one) and the current trace.
 */
@ApplicationScoped
public class CommandContexts {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final int MAX_CORRELATION_ID = 200;

    private final ActingUser user;
    private final Clock clock;

    public CommandContexts(ActingUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    /** @param correlationId the {@code X-Correlation-Id} header, or null */
    public CommandContext current(String correlationId) {
        String correlation = correlationId == null || correlationId.isBlank() || correlationId.length() > MAX_CORRELATION_ID
                ? UUID.randomUUID().toString() : correlationId;
        return new CommandContext(user.name(), clock.instant(), correlation, null, TraceContexts.currentTraceparent());
    }

    /** The wall clock, in UTC; tests and simulations replace it with their own {@code Clock} bean. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}

package io.aimsledger.eventstore.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.trace.TraceContexts;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Problem;
import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.problem.Violation;
import io.aimsledger.support.security.ActingUser;
import io.aimsledger.support.web.RequestValues;
import io.quarkus.arc.DefaultBean;

/**
 * The context of a command issued over HTTP: the acting user from the token, the time from the
 * service's clock, the caller's correlation id (or a new one) and the current trace.
 */
@ApplicationScoped
public class CommandContexts {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String EFFECTIVE_AT = "effectiveAt";
    private static final int MAX_CORRELATION_ID = 200;

    private final ActingUser user;
    private final Clock clock;

    public CommandContexts(ActingUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    /** @param correlationId the {@code X-Correlation-Id} header, or null */
    public CommandContext current(String correlationId) {
        return current(correlationId, null);
    }

    /**
     * @param effectiveAt when the change took effect (the body's {@code effectiveAt}), or null for now; a
     *                    time after now is refused with 400 {@code time.in-future}
     */
    public CommandContext current(String correlationId, Instant effectiveAt) {
        String correlation = correlationId == null || correlationId.isBlank() || correlationId.length() > MAX_CORRELATION_ID
                ? UUID.randomUUID().toString() : correlationId;
        Instant now = clock.instant();
        if (effectiveAt != null && effectiveAt.isBefore(RequestValues.EARLIEST)) {
            throw InvalidRequest.of(EFFECTIVE_AT, "must be in the years 0001 to 9999");
        }
        if (effectiveAt != null && effectiveAt.isAfter(now)) {
            throw new InvalidRequest(Problem.invalid(ProblemCodes.TIME_IN_FUTURE,
                    "effectiveAt is after the time the request was received (" + now + ").",
                    List.of(new Violation(EFFECTIVE_AT, "must not be in the future"))));
        }
        return new CommandContext(user.name(), now, effectiveAt, correlation, null, TraceContexts.currentTraceparent());
    }

    /** The wall clock, in UTC; tests and simulations replace it with their own {@code Clock} bean. */
    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}

package io.aimsledger.eventstore.web;

import jakarta.ws.rs.HeaderParam;

import io.aimsledger.eventstore.command.ExpectedVersion;

/**
 * The headers every write takes ({@code @BeanParam}): {@code If-Match}, {@code Idempotency-Key} and
 * {@code X-Correlation-Id}, read the same way by every resource.
 */
public class CommandRequestHeaders {

    @HeaderParam(CommandHeaders.IF_MATCH)
    String ifMatch;

    @HeaderParam(CommandHeaders.IDEMPOTENCY_KEY)
    String idempotencyKey;

    @HeaderParam(CommandContexts.CORRELATION_ID)
    String correlationId;

    public ExpectedVersion expectedVersion() {
        return CommandHeaders.expectedVersion(ifMatch);
    }

    /** The {@code Idempotency-Key} bound to this request ({@code method}, {@code path} and its body), or null. */
    public IdempotencyKey idempotencyKey(String method, String path, byte[] body) {
        return CommandHeaders.idempotencyKey(idempotencyKey, method, path, body);
    }

    public String correlationId() {
        return correlationId;
    }
}

package io.aimsledger.eventstore.trace;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * W3C trace context for events: the request's {@code traceparent} is stored with each event it
 * appends, travels in the CloudEvent and in the Kafka record's {@code traceparent} header, and a
 * consumer continues the same trace from it.
 */
public final class TraceContexts {

    public static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceContexts() {
    }

    /** The current span as a {@code traceparent}, or null when nothing is being traced. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** A {@code traceparent} as a remote parent span context; invalid when the value is absent or malformed. */
    public static SpanContext parse(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        var match = TRACEPARENT.matcher(traceparent.trim());
        if (!match.matches()) {
            return SpanContext.getInvalid();
        }
        return SpanContext.createFromRemoteParent(match.group(1), match.group(2),
                TraceFlags.fromHex(match.group(3), 0), TraceState.getDefault());
    }

    /** A started consumer span for one record, child of the trace that appended its event; the caller ends it. */
    public static Span consumerSpan(Tracer tracer, ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        SpanContext parent = parse(header == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        Context parentContext = parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root();
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parentContext)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .startSpan();
    }
}

package io.aimsledger.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Payload records <-> JSON. Readers ignore fields they do not know, so that an additive change to a
 * contract version does not break older consumers.
 */
public final class PayloadCodec {

    // Folded states hold maps keyed by ids (an AI system's models and datasets): interning their names
    // filled Jackson's symbol table with keys never seen again, 10% of the audit's ingest CPU (JFR).
    public static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PayloadCodec() {
    }

    public static byte[] write(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a published event's payload by its CloudEvents type. */
    public static Object read(String type, byte[] json) {
        Class<?> payloadClass = Contracts.REGISTRY.payloadClass(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        return read(json, payloadClass);
    }
}

package io.aimsledger.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.aimsledger.support.json.JsonBodies;

/**
 * Every JSON body ({@code application/json} and any {@code +json} type) passes {@link JsonBodies}
 * before a resource reads it, whatever type the resource reads it as. Bodies are bounded by
 * {@link HttpRequestLimits}, so holding one to check it costs at most that much.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            JsonBodies.check(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }
}

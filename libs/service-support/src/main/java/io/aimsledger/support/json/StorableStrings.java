package io.aimsledger.support.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/** Strings read by any of the platform's object mappers are {@link StorableText}, or a 400 naming the field. */
public final class StorableStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        String problem = StorableText.problem(value);
        if (problem != null) {
            return (String) context.handleWeirdStringValue(String.class, value, problem);
        }
        return value;
    }
}

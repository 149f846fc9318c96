package io.aimsledger.support.json;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Dates and instants in request bodies as API.md writes them, and nothing else: an ISO-8601 date
 * ({@code 2026-03-31}) or instant ({@code 2026-03-31T00:00:00Z}) in a JSON string, in the years 0001
 * to 9999. Jackson would otherwise read a number as days or seconds since 1970, an empty array as no
 * value, and a date-time where a date belongs.
 */
final class StrictTimes extends SimpleModule {

    StrictTimes() {
        super("aims-strict-times");
        addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = text(parser, LocalDate.class, "an ISO-8601 date, e.g. 2026-03-31");
                try {
                    LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                    if (date.getYear() >= 1 && date.getYear() <= 9999) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                throw InvalidFormatException.from(parser, "must be an ISO-8601 date in the years 0001 to 9999, "
                        + "e.g. 2026-03-31", text, LocalDate.class);
            }
        });
        addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = text(parser, Instant.class, "an ISO-8601 instant, e.g. 2026-03-31T00:00:00Z");
                try {
                    Instant instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
                    if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                        return instant;
                    }
                } catch (DateTimeParseException e) {
                    // reported below
                }
                throw InvalidFormatException.from(parser, "must be an ISO-8601 instant in the years 0001 to 9999, "
                        + "e.g. 2026-03-31T00:00:00Z", text, Instant.class);
            }
        });
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static String text(JsonParser parser, Class<?> type, String what) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw InvalidFormatException.from(parser, "must be " + what + " in a string", parser.getText(), type);
        }
        return parser.getText();
    }
}

package io.aimsledger.support.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Problem;
import io.aimsledger.support.problem.ProblemCodes;
import io.aimsledger.support.problem.Violation;

/**
 * The checks every JSON body passes before anything reads it (RFC 8259 and I-JSON, RFC 7493): UTF-8
 * without invalid bytes, well-formed, no member name twice in one object (a parser that kept the
 * first where ours keeps the last could hash another event than was decided), and only
 * {@link StorableText}. HTTP bodies and Kafka records both come through here.
 */
public final class JsonBodies {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonBodies() {
    }

    /** Throws {@link InvalidRequest} (a 400 problem) naming the first thing wrong with {@code body}. */
    public static void check(byte[] body) {
        String text = utf8(body);
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String value = switch (token) {
                    case FIELD_NAME -> parser.currentName();
                    case VALUE_STRING -> parser.getText();
                    default -> null;
                };
                String problem = StorableText.problem(value);
                if (problem != null) {
                    throw InvalidRequest.of(field(parser.getParsingContext()), problem);
                }
            }
        } catch (JsonProcessingException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    && e.getProcessor() instanceof JsonParser parser) {
                throw InvalidRequest.of(field(parser.getParsingContext()), "must not appear twice in one object");
            }
            var location = e.getLocation();
            throw new InvalidRequest(Problem.invalid(ProblemCodes.MALFORMED_BODY, "The request body is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ".", List.of()));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static String utf8(byte[] body) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequest(Problem.invalid(ProblemCodes.MALFORMED_BODY,
                    "The request body is not valid UTF-8.", List.of()));
        }
    }

    /** {@code items[2].name} for the value or name the parser is at. */
    private static String field(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            parts.add(at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]"
                    : at.getCurrentName() == null ? "" : at.getCurrentName());
        }
        Collections.reverse(parts);
        var out = new StringBuilder();
        for (String part : parts) {
            if (!out.isEmpty() && !part.startsWith("[")) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}

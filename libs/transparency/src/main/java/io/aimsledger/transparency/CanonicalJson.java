package io.aimsledger.transparency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme: no insignificant whitespace, object members sorted by their
 * names' UTF-16 code units, strings escaped as ECMAScript's {@code JSON.stringify} does, numbers in
 * ECMAScript's shortest form. Parses the JSON text itself so that nothing is lost on the way.
 */
public final class CanonicalJson {

    private final String text;
    private int at;

    private CanonicalJson(String text) {
        this.text = text;
    }

    /** The canonical UTF-8 bytes of a JSON text; an {@link IllegalArgumentException} if it is not JSON. */
    public static byte[] canonicalize(String json) {
        var parser = new CanonicalJson(json);
        var out = new StringBuilder(json.length());
        parser.skipWhitespace();
        parser.value(out);
        parser.skipWhitespace();
        if (parser.at != json.length()) {
            throw parser.error("trailing characters");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void value(StringBuilder out) {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{' -> object(out);
            case '[' -> array(out);
            case '"' -> writeString(out, string());
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> number(out);
        }
    }

    private void object(StringBuilder out) {
        at++;
        Map<String, String> members = new TreeMap<>();
        skipWhitespace();
        if (peek() == '}') {
            at++;
            out.append("{}");
            return;
        }
        while (true) {
            skipWhitespace();
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            var value = new StringBuilder();
            value(value);
            if (members.put(name, value.toString()) != null) {
                throw error("duplicate member name " + name);
            }
            skipWhitespace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            break;
        }
        out.append('{');
        boolean first = true;
        for (var member : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, member.getKey());
            out.append(':').append(member.getValue());
        }
        out.append('}');
    }

    private void array(StringBuilder out) {
        at++;
        out.append('[');
        skipWhitespace();
        if (peek() == ']') {
            at++;
            out.append(']');
            return;
        }
        while (true) {
            skipWhitespace();
            value(out);
            skipWhitespace();
            if (peek() == ',') {
                at++;
                out.append(',');
                continue;
            }
            expect(']');
            out.append(']');
            return;
        }
    }

    private String string() {
        expect('"');
        var value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape \\" + escaped);
            }
        }
    }

    private static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void number(StringBuilder out) {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String literal = text.substring(start, at);
        double value;
        try {
            value = new BigDecimal(literal).doubleValue();
        } catch (NumberFormatException e) {
            throw error("bad number " + literal);
        }
        if (Double.isInfinite(value)) {
            throw error("number out of range " + literal);
        }
        out.append(ecmaScriptNumber(value));
    }

    /** ECMAScript's Number.prototype.toString for a finite double (ECMA-262, Number::toString). */
    static String ecmaScriptNumber(double value) {
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + ecmaScriptNumber(-value);
        }
        // Double.toString round-trips but always shows two digits (4.9E-324): shorten while it still does.
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        for (int precision = shortest.precision() - 1; precision >= 1; precision--) {
            BigDecimal candidate = shortest.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() != value) {
                break;
            }
            shortest = candidate.stripTrailingZeros();
        }
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
        return (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + exponent;
    }

    private void literal(StringBuilder out, String word) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected token");
        }
        at += word.length();
        out.append(word);
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected " + c);
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not JSON at character " + at + ": " + what);
    }
}

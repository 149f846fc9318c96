package io.aimsledger.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated bad input for write endpoints: malformed JSON, wrong types, huge strings and bodies, deep nesting,
 * invalid UTF-8, unknown fields, NUL characters, SQL and JSON injection strings. Deterministic (seeded).
 */
public final class HostileInput {

    private static final List<String> INJECTIONS = List.of(
            "'; drop table event_store; --", "\" or 1=1 --", "{\"$gt\": \"\"}", "${jndi:ldap://x/a}",
            "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\u0000", "\u0000", "a\u0000b",
            "\ud800", "{{7*7}}", "null", "true", "[]", "{}");
    private static final List<String> NOT_A_STRING = List.of("42", "-1.5e308", "1e999999", "true", "[]", "{}",
            "[\"a\", 1]", "{\"nested\": {\"deeper\": []}}");
    private static final List<String> NOT_A_BOOLEAN = List.of("42", "\"true\"", "\"yes\"", "[]", "{}", "0");
    private static final List<String> NOT_A_LIST_OF_STRINGS = List.of("42", "\"text\"", "{}", "[1]", "[\"\"]",
            "[null]", "[[\"a\"]]", "true");
    private static final List<String> BLANK = List.of("\"\"", "\"   \"", "null");
    private static final List<String> NOT_AN_ENUM = List.of("\"NOT_AN_ENUM\"", "\"deployer\"", "\"\"", "1");
    private static final List<String> NOT_A_SCORE = List.of("0", "6", "-1", "3.5", "\"3\"", "null", "1e3",
            "99999999999999999999", "[]", "{}");
    private static final List<String> NOT_A_LIST_OF_IDS = List.of("[]", "[\"x\"]", "[1]", "[null]", "\"id\"", "{}",
            "[\"00000000-0000-0000-0000-00000000000g\"]", "[[\"a\"]]", "null");
    private static final List<String> NOT_AN_ID = List.of("\"x\"", "1", "null", "\"\"", "[]",
            "\"00000000-0000-0000-0000-00000000000g\"", "\"' or 1=1 --\"");
    private static final List<String> NOT_A_DATE = List.of("\"2026-13-01\"", "\"31/03/2026\"", "\"0000-01-01\"",
            "\"+10000-01-01\"", "1", "\"2026-03-31T00:00:00Z\"", "[]");
    private static final List<String> NOT_AN_INSTANT = List.of("\"2026-13-01T00:00:00Z\"", "\"yesterday\"",
            "\"+10000-01-01T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"", "1", "\"2026-03-31\"", "{}");

    /** What a field holds, and so which values it must refuse. */
    public enum Kind {
        TEXT, REQUIRED_TEXT, ENUM, BOOLEAN, LIST, SCORE, ID, ID_LIST, DATE, INSTANT;

        List<String> wrongValues() {
            return switch (this) {
                case TEXT -> NOT_A_STRING;
                case REQUIRED_TEXT -> concat(NOT_A_STRING, BLANK);
                case ENUM -> concat(NOT_A_STRING, NOT_AN_ENUM);
                case BOOLEAN -> NOT_A_BOOLEAN;
                case LIST -> NOT_A_LIST_OF_STRINGS;
                case SCORE -> NOT_A_SCORE;
                case ID -> NOT_AN_ID;
                case ID_LIST -> NOT_A_LIST_OF_IDS;
                case DATE -> NOT_A_DATE;
                case INSTANT -> NOT_AN_INSTANT;
            };
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    private final Random random;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    /** Bodies derived from a valid one: each field replaced by something it must not be, plus generic garbage. */
    public List<byte[]> bodies(String valid, java.util.Map<String, Kind> fields, int count) {
        List<byte[]> bodies = new ArrayList<>();
        for (var entry : fields.entrySet()) {
            String field = entry.getKey();
            for (String wrong : entry.getValue().wrongValues()) {
                bodies.add(utf8(replaceField(valid, field, wrong)));
            }
            for (String injection : INJECTIONS) {
                bodies.add(utf8(replaceField(valid, field, quote(injection) + ", \"" + field + "Extra\": 1")));
            }
            if (entry.getValue() == Kind.TEXT || entry.getValue() == Kind.REQUIRED_TEXT) {
                bodies.add(utf8(replaceField(valid, field, quote("nul\u0000inside"))));
                bodies.add(utf8(replaceField(valid, field, quote("x".repeat(4001 + random.nextInt(200_000))))));
            }
        }
        bodies.add(utf8(valid.replaceFirst("\\{", "{\"padding\": " + quote("p".repeat(1_100_000)) + ", ")));
        while (bodies.size() < count) {
            bodies.add(garbage(valid));
        }
        return bodies;
    }

    private byte[] garbage(String valid) {
        return switch (random.nextInt(9)) {
            case 0 -> utf8(valid.substring(0, random.nextInt(valid.length())));
            case 1 -> randomBytes(1 + random.nextInt(300));
            case 2 -> invalidUtf8(valid);
            case 3 -> utf8("[".repeat(1000 + random.nextInt(4000)));
            case 4 -> utf8("{\"a\":".repeat(1000 + random.nextInt(2000)) + "1" + "}".repeat(10));
            case 5 -> utf8(valid.replaceFirst("\\{", "{\"unknown" + random.nextInt(1000) + "\": " + randomScalar() + ", "));
            case 6 -> utf8(List.of("", "null", "1", "\"text\"", "[]", "[{}]", "{", "}", "{\"a\"}", "{\"a\":}",
                    "{'name': 'single quotes'}", "{\"name\": \"trailing\",}").get(random.nextInt(12)));
            case 7 -> utf8(valid.replace("\"", random.nextBoolean() ? "'" : ""));
            default -> utf8("{\"name\": " + quote(INJECTIONS.get(random.nextInt(INJECTIONS.size())))
                    + ", \"stage\": " + randomScalar() + ", \"euAiActRiskClass\": " + randomScalar() + "}");
        };
    }

    private String randomScalar() {
        return NOT_A_STRING.get(random.nextInt(NOT_A_STRING.size()));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] invalidUtf8(String valid) {
        byte[] bytes = utf8(valid);
        int at = 2 + random.nextInt(Math.max(1, bytes.length - 4));
        bytes[at] = (byte) (0xC0 | random.nextInt(2));
        bytes[at + 1] = (byte) 0xFF;
        return bytes;
    }

    private static String replaceField(String valid, String field, String replacement) {
        String pattern = "\"" + field + "\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]+)";
        return valid.replaceFirst(pattern, "\"" + field + "\": " + java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.aimsledger.transparency;

/**
 * One JSON text per line (JSON Lines). JSON strings may hold U+2028, U+2029 and U+0085 raw, and
 * RFC 8785 keeps them raw, but many line readers and regular expressions take them for line ends;
 * a line written here holds them escaped, which is the same JSON value.
 */
public final class JsonLines {

    private JsonLines() {
    }

    /** {@code json} (one JSON text without a raw line feed or carriage return) as one line, without its end. */
    public static String line(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}

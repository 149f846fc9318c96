package io.aimsledger.support.json;

/**
 * Text the platform can store and hash: PostgreSQL refuses the NUL character and unpaired UTF-16
 * surrogates (a lone {@code \ud800} is valid JSON escape syntax but no Unicode character). Input is
 * checked where it enters, so such text is a 400, never a database error.
 */
public final class StorableText {

    public static final String NUL = "must not contain the NUL character (\\u0000)";
    public static final String LONE_SURROGATE = "must not contain an unpaired surrogate (\\ud800 to \\udfff)";

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or null if it can. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }
}

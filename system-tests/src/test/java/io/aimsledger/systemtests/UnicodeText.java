package io.aimsledger.systemtests;

import java.util.Random;

/**
 * Random text for property tests, seeded so a failure can be replayed: every kind of Unicode scalar
 * value that tends to break something downstream (line and paragraph separators, NEL, C0 and C1
 * controls other than NUL, astral characters, combining marks, right-to-left text, BOM and
 * non-characters), always starting with a letter so that "not blank" rules hold.
 */
final class UnicodeText {

    private static final int[][] RANGES = {
            {'a', 'z'}, {0x2028, 0x2029}, {0x0085, 0x0085}, {0x0001, 0x001F}, {0x007F, 0x009F},
            {0x00A0, 0x024F}, {0x0300, 0x036F}, {0x05D0, 0x05EA}, {0x0600, 0x06FF}, {0x4E00, 0x4E80},
            {0x1F300, 0x1F64F}, {0x10000, 0x1007F}, {0xFEFF, 0xFEFF}, {0xFFFE, 0xFFFF}, {0xE000, 0xE010},
            {'"', '"'}, {'\\', '\\'}, {'/', '/'}};

    private final Random random;

    UnicodeText(long seed) {
        this.random = new Random(seed);
    }

    /** 1 to {@code maxCodePoints} code points, the first a letter. */
    String next(int maxCodePoints) {
        var out = new StringBuilder().appendCodePoint('A' + random.nextInt(26));
        int length = random.nextInt(maxCodePoints);
        for (int i = 0; i < length; i++) {
            int[] range = RANGES[random.nextInt(RANGES.length)];
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return out.toString();
    }
}

package id.parkir.api;

/**
 * The policy for every free-text field a client sends (names, references, paths): a length bound,
 * and none of the characters that hide or rearrange what a screen, a log or a receipt shows:
 * control characters (NUL, newlines, ...), bidirectional overrides and isolates (which make
 * "gate-1" read as something else), zero-width, tag and other invisible format characters,
 * blank look-alikes (fillers, braille blank, spaces other than the plain one), private-use and
 * unassigned code points, unpaired surrogates, and piles of combining marks.
 */
public final class Text {
    private Text() {
    }

    /** Combining marks allowed on one character (Indonesian needs none; other scripts a few). */
    private static final int MAX_COMBINING = 3;

    /** True when the text has no character the policy refuses. */
    public static boolean isClean(String text) {
        int combining = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isHighSurrogate(text.charAt(i)) && cp == text.charAt(i) || Character.isLowSurrogate(text.charAt(i))) {
                return false; // a surrogate without its pair
            }
            int type = Character.getType(cp);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SPACE_SEPARATOR && cp != ' '
                    || cp == 0xFFFD || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800
                    || cp >= 0x1D173 && cp <= 0x1D17A || cp >= 0x1BCA0 && cp <= 0x1BCA3;
            if (hidden) {
                return false;
            }
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            combining = mark ? combining + 1 : 0;
            if (combining > MAX_COMBINING) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * The text stripped of surrounding blanks, or null when absent; 400 {@code text_invalid}
     * naming the field when it is longer than {@code maxLength} or not clean.
     */
    public static String optional(String field, String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() > maxLength) {
            throw ParkirException.invalid("text_invalid", field + " must have at most " + maxLength + " characters");
        }
        if (!isClean(t)) {
            throw ParkirException.invalid("text_invalid", field
                    + " contains control, invisible or direction-changing characters");
        }
        return t;
    }
}

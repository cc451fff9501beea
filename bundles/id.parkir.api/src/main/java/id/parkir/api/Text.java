package id.parkir.api;

/**
 * The policy for every free-text field a client sends (names, references, paths): a length bound,
 * and none of the characters that hide or rearrange what a screen, a log or a receipt shows:
 * control characters (NUL, newlines, ...), bidirectional overrides and isolates (which make
 * "gate-1" read as something else), zero-width and other invisible format characters, and
 * unpaired surrogates.
 */
public final class Text {
    private Text() {
    }

    /** True when the text has no character the policy refuses. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
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

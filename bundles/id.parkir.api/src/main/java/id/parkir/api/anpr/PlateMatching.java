package id.parkir.api.anpr;

/**
 * Compares two plate texts the way a cashier would: characters that cameras and readers confuse
 * (0/O/D/Q, 1/I/L, 8/B, 2/Z, 5/S, 6/G) count as the same.
 */
public final class PlateMatching {
    private PlateMatching() {
    }

    /** The canonical member of a character's confusion class. */
    public static char canonical(char c) {
        return switch (c) {
            case 'O', 'D', 'Q' -> '0';
            case 'I', 'L' -> '1';
            case 'B' -> '8';
            case 'Z' -> '2';
            case 'S' -> '5';
            case 'G' -> '6';
            default -> c;
        };
    }

    /**
     * The text with every character replaced by the canonical member of its class: two plates are
     * {@link #equivalent} exactly when their canonical texts are equal, and a typed fragment matches
     * a plate up to look-alikes when its canonical text occurs in the plate's.
     */
    public static String canonical(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = canonical(chars[i]);
        }
        return new String(chars);
    }

    /** True when both are non-null and equal once confusable characters are folded together. */
    public static boolean equivalent(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (canonical(a.charAt(i)) != canonical(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

package id.parkir.api;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Indonesian registration plate in normalised form: upper case, no spaces, e.g. {@code B1234ABC}.
 * Syntax: region code of 1-2 letters, 1-4 digits not starting with 0, 0-3 series letters. Diplomatic (CD, CC, CH) and
 * state (RI) plates have the same shape and are accepted by the same rule.
 */
public record Plate(String text) {
    /**
     * Region codes (kode wilayah) in use, plus the state series RI and the diplomatic CD/CC/CH.
     * A plate reader uses them as a prior: a frame edge read as "I" before "B1234ABC" makes the
     * unknown region "IB".
     */
    public static final Set<String> KNOWN_REGIONS = Set.of(
            "A", "B", "D", "E", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "W", "Z",
            "AA", "AB", "AD", "AE", "AG",
            "BA", "BB", "BD", "BE", "BG", "BH", "BK", "BL", "BM", "BN", "BP",
            "DA", "DB", "DC", "DD", "DE", "DG", "DH", "DK", "DL", "DM", "DN", "DP", "DR", "DS", "DT", "DW",
            "EA", "EB", "ED", "KB", "KH", "KT", "KU", "PA", "PB", "RI", "CD", "CC", "CH");

    private static final Pattern SYNTAX = Pattern.compile("[A-Z]{1,2}[1-9][0-9]{0,3}[A-Z]{0,3}");

    public Plate {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw ParkirException.invalid("plate_invalid", "plate '" + text + "' is not an Indonesian plate number"
                    + " (1-2 letters, 1-4 digits not starting with 0, 0-3 letters, e.g. B 1234 ABC)");
        }
    }

    /** Normalises what an operator typed ("b 1234-abc") and checks the syntax. */
    public static Plate parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw ParkirException.invalid("plate_missing", "plate is required");
        }
        if (typed.length() > 20) {
            throw ParkirException.invalid("plate_invalid", "plate is too long");
        }
        String normalised = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        return new Plate(normalised);
    }

    /** True when {@code candidate} is a syntactically valid plate (after normalisation). */
    public static boolean isValid(String candidate) {
        try {
            parse(candidate);
            return true;
        } catch (ParkirException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}

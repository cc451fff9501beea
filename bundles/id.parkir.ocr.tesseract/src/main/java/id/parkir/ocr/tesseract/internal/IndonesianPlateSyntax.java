package id.parkir.ocr.tesseract.internal;

import id.parkir.api.Plate;

/**
 * Fits a raw reading to the syntax of Indonesian plates: region 1-2 letters, number 1-4 digits
 * not starting with 0, suffix 0-3 letters ({@code B1234ABC}). Characters that OCR confuses are
 * swapped where the syntax wants the other kind (a {@code 0} in the suffix is an {@code O}, an
 * {@code S} in the number a {@code 5}), and a stray {@code I}/{@code 1} at either end, which is
 * usually the plate's frame, may be dropped. The cheapest fit wins (known region codes are
 * cheaper); a reading that fits no way is returned unchanged.
 */
final class IndonesianPlateSyntax {
    private static final double SWAP = 1.0;
    private static final double DROP_EDGE = 1.0;
    private static final double UNKNOWN_REGION = 1.5;
    /** A fit dearer than this changes too much to be trusted. */
    private static final double MAX_COST = 3.0;

    private IndonesianPlateSyntax() {
    }

    /** The reading fitted to plate syntax, or {@code text} unchanged when nothing fits cheaply. */
    static String correct(String text) {
        if (text == null || text.length() < 2 || text.length() > 11) {
            return text;
        }
        String best = null;
        double bestCost = Double.MAX_VALUE;
        int n = text.length();
        for (int lead = 0; lead <= 1; lead++) {
            for (int trail = 0; trail <= 1; trail++) {
                if (lead + trail >= n
                        || (lead == 1 && !isEdge(text.charAt(0)))
                        || (trail == 1 && !isEdge(text.charAt(n - 1)))) {
                    continue;
                }
                String core = text.substring(lead, n - trail);
                double dropCost = (lead + trail) * DROP_EDGE;
                for (int r = 1; r <= 2; r++) {
                    for (int d = 1; d <= 4; d++) {
                        int s = core.length() - r - d;
                        if (s < 0 || s > 3) {
                            continue;
                        }
                        StringBuilder out = new StringBuilder(core.length());
                        double cost = dropCost + fit(core, 0, r, true, out) + fit(core, r, d, false, out)
                                + fit(core, r + d, s, true, out);
                        if (cost >= Double.MAX_VALUE / 2 || out.charAt(r) == '0') {
                            continue;
                        }
                        if (!Plate.KNOWN_REGIONS.contains(out.substring(0, r))) {
                            cost += UNKNOWN_REGION;
                        }
                        if (cost < bestCost) {
                            bestCost = cost;
                            best = out.toString();
                        }
                    }
                }
            }
        }
        return best != null && bestCost <= MAX_COST ? best : text;
    }

    private static boolean isEdge(char c) {
        return c == 'I' || c == '1';
    }

    /** Appends {@code len} characters from {@code from} as letters or digits; the number of swaps, or a huge cost. */
    private static double fit(String s, int from, int len, boolean letters, StringBuilder out) {
        double cost = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            boolean isLetter = c >= 'A' && c <= 'Z';
            if (isLetter == letters) {
                out.append(c);
                continue;
            }
            char swapped = letters ? toLetter(c) : toDigit(c);
            if (swapped == 0) {
                return Double.MAX_VALUE;
            }
            out.append(swapped);
            cost += SWAP;
        }
        return cost;
    }

    static char toDigit(char c) {
        return switch (c) {
            case 'O', 'D', 'Q', 'U' -> '0';
            case 'I', 'L', 'T', 'J' -> '1';
            case 'Z' -> '2';
            case 'A' -> '4';
            case 'S' -> '5';
            case 'G', 'C' -> '6';
            case 'B' -> '8';
            default -> 0;
        };
    }

    static char toLetter(char c) {
        return switch (c) {
            case '0' -> 'O';
            case '1' -> 'I';
            case '2' -> 'Z';
            case '4' -> 'A';
            case '5' -> 'S';
            case '6' -> 'G';
            case '7' -> 'T';
            case '8' -> 'B';
            default -> 0;
        };
    }
}

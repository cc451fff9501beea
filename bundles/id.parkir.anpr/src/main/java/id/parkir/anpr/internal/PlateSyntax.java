package id.parkir.anpr.internal;

import id.parkir.api.Plate;

/**
 * Chooses the most probable reading of a row of character candidates that is a valid plate.
 * Indonesian syntax: 1-2 region letters, 1-4 digits (the first not 0), 0-3 series letters; a few
 * candidates at either end may be dropped (bolts, frame edges, the dealer's sticker). Because
 * letters and digits have their own positions, the usual confusions (0/O/D, 1/I, 8/B, 2/Z, 5/S)
 * resolve themselves. In {@code any} mode (foreign plates) every candidate is read as its best class.
 */
public final class PlateSyntax {
    /** Prior probability that a candidate is not part of the plate (a bolt, the dealer's sticker). */
    static final double NOT_CHAR = 0.02;
    /** The same for a candidate at either end that looks like the plate's frame (a lone bar). */
    static final double BAR_NOT_CHAR = 0.9;
    /** A region code not in {@link Plate#KNOWN_REGIONS}: possible (new codes appear) but unlikely. */
    static final double UNKNOWN_REGION_LOG_P = Math.log(0.01);
    private static final int MAX_SKIP = 2;

    public enum Mode { INDONESIA, ANY }

    /** A reading: text, the per-character probabilities used, its log score, and which candidates it used. */
    public record Reading(String text, double[] charProbabilities, double logScore, int first, int last) {
        /** Geometric mean of the characters' probabilities. */
        public double confidence() {
            double s = 0;
            for (double p : charProbabilities) {
                s += Math.log(Math.max(p, 1e-9));
            }
            return Math.exp(s / charProbabilities.length);
        }
    }

    private PlateSyntax() {
    }

    /**
     * @param probs per candidate (left to right), the probability of each class of {@link CharClassifier#CLASSES}
     * @return the best reading, or null when no valid plate can be made of them
     */
    public static Reading best(double[][] probs, Mode mode) {
        double[] notChar = new double[probs.length];
        java.util.Arrays.fill(notChar, NOT_CHAR);
        return best(probs, notChar, mode);
    }

    /**
     * @param notChar per candidate, the probability that it is not part of the plate: dropping it
     *     from either end costs log(notChar), keeping it log(1 - notChar)
     */
    public static Reading best(double[][] probs, double[] notChar, Mode mode) {
        int n = probs.length;
        Reading best = null;
        for (int s = 0; s <= Math.min(MAX_SKIP, n); s++) {
            for (int e = n; e >= Math.max(s + 1, n - MAX_SKIP); e--) {
                double skip = 0;
                for (int i = 0; i < n; i++) {
                    skip += Math.log(i < s || i >= e ? notChar[i] : 1 - notChar[i]);
                }
                Reading r = mode == Mode.ANY ? free(probs, s, e, skip) : indonesian(probs, s, e, skip);
                if (r != null && (best == null || r.logScore > best.logScore)) {
                    best = r;
                }
            }
        }
        return best;
    }

    private static Reading free(double[][] probs, int s, int e, double skip) {
        int m = e - s;
        if (m < 2 || m > 10) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        double[] p = new double[m];
        double score = skip;
        for (int i = s; i < e; i++) {
            int c = argmax(probs[i], 0, CharClassifier.CLASSES.length());
            text.append(CharClassifier.CLASSES.charAt(c));
            p[i - s] = probs[i][c];
            score += Math.log(Math.max(p[i - s], 1e-9));
        }
        return new Reading(text.toString(), p, score, s, e - 1);
    }

    private static Reading indonesian(double[][] probs, int s, int e, double skip) {
        int m = e - s;
        Reading best = null;
        for (int region = 1; region <= 2; region++) {
            for (int digits = 1; digits <= 4; digits++) {
                int series = m - region - digits;
                if (series < 0 || series > 3) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                double[] p = new double[m];
                double score = skip;
                for (int k = 0; k < m; k++) {
                    double[] q = probs[s + k];
                    boolean digit = k >= region && k < region + digits;
                    // digits 0-9 are classes 0..9; letters A-Z are 10..35; the first digit is never 0
                    int c = digit ? argmax(q, k == region ? 1 : 0, 10) : argmax(q, 10, 36);
                    text.append(CharClassifier.CLASSES.charAt(c));
                    p[k] = q[c];
                    score += Math.log(Math.max(q[c], 1e-9));
                }
                if (!Plate.KNOWN_REGIONS.contains(text.substring(0, region))) {
                    score += UNKNOWN_REGION_LOG_P;
                }
                if (best == null || score > best.logScore) {
                    best = new Reading(text.toString(), p, score, s, e - 1);
                }
            }
        }
        return best;
    }

    private static int argmax(double[] p, int from, int to) {
        int best = from;
        for (int i = from + 1; i < to; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}

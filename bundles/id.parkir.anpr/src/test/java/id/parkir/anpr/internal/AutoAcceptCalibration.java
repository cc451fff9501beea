package id.parkir.anpr.internal;

import id.parkir.api.anpr.PlateEvaluation;
import java.util.Comparator;
import java.util.List;

/**
 * The auto-accept threshold: the lowest confidence at which the readings at or above it are right
 * at least {@value #PRECISION} of the time, and the share of images read that surely (the
 * vehicles the operator need not touch). Prints, asserts nothing.
 */
final class AutoAcceptCalibration {
    static final double PRECISION = 0.995;

    private AutoAcceptCalibration() {
    }

    /** The lowest threshold that keeps the precision, or NaN when none does (not even the surest reading alone). */
    static double threshold(List<PlateEvaluation.Row> rows) {
        List<PlateEvaluation.Row> sure = rows.stream().filter(r -> !r.read().isEmpty())
                .sorted(Comparator.comparingDouble(PlateEvaluation.Row::confidence).reversed()).toList();
        double best = Double.NaN;
        int right = 0;
        for (int i = 0; i < sure.size(); i++) {
            right += sure.get(i).exact() ? 1 : 0;
            boolean tieAhead = i + 1 < sure.size() && sure.get(i + 1).confidence() == sure.get(i).confidence();
            if (!tieAhead && right >= PRECISION * (i + 1)) {
                best = sure.get(i).confidence();
            }
        }
        return best;
    }

    static void print(String what, List<PlateEvaluation.Row> rows) {
        double t = threshold(rows);
        for (double at : new double[] {t, 0.8, 0.9, 0.95, 0.98, AnprConfig.AUTO_ACCEPT_AT}) {
            if (Double.isNaN(at)) {
                continue;
            }
            long accepted = rows.stream().filter(r -> !r.read().isEmpty() && r.confidence() >= at).count();
            long wrong = rows.stream().filter(r -> !r.read().isEmpty() && r.confidence() >= at && !r.exact()).count();
            System.out.printf("ANPR auto-accept, %s: at %.3f%s: %d of %d images accepted (%.1f%%), %d wrong (precision %.2f%%)%n",
                    what, at, at == t ? " (lowest with precision >= 99.5%)" : at == AnprConfig.AUTO_ACCEPT_AT ? " (shipped)" : "",
                    accepted, rows.size(), 100.0 * accepted / rows.size(), wrong,
                    accepted == 0 ? 100.0 : 100.0 * (accepted - wrong) / accepted);
        }
    }
}

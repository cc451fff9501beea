package id.parkir.core.internal;

import id.parkir.api.anpr.PlateMatching;
import java.util.Comparator;
import java.util.List;

/**
 * The plate search among vehicles inside: a typed fragment matches a plate that contains it once
 * both are folded by {@link PlateMatching#canonical(String)} (so "8G15O8" finds BG1508SO, as does
 * "1508"). It works on three narrow columns of every row of the lot table: that table holds only
 * the vehicles inside now, so the cost is bounded by the car park's capacity, never by the history.
 * (A canonical column matched in SQL would still scan, since the fragment may lie anywhere, and
 * would need the look-alike table a second time, in SQL.)
 */
final class LookAlikePlates {
    /** One row of the lot table. */
    record Inside(String plate, long sessionId, long entryAt) {
    }

    /** The sessions of one page (in list order) and how many vehicles matched in all. */
    record Matches(List<Long> sessionIds, int total) {
    }

    private static final Comparator<Inside> NEWEST_FIRST = Comparator.comparingLong(Inside::entryAt).reversed()
            .thenComparing(Comparator.comparingLong(Inside::sessionId).reversed());

    private LookAlikePlates() {
    }

    /** {@code typed} is already normalised (upper case letters and digits). */
    static Matches page(List<Inside> inside, String typed, int offset, int size) {
        String wanted = PlateMatching.canonical(typed);
        List<Inside> matches = inside.stream().filter(i -> PlateMatching.canonical(i.plate()).contains(wanted))
                .sorted(NEWEST_FIRST).toList();
        List<Long> page = matches.stream().skip(offset).limit(size).map(Inside::sessionId).toList();
        return new Matches(page, matches.size());
    }
}

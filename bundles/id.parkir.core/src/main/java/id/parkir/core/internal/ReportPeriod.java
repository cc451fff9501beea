package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both included, in the site's time zone, as the range of stored times
 * [start, end) in epoch milliseconds (local midnight to the local midnight after the last day, so
 * a day of 23 or 25 hours counts right). Checked: both days given, within 2000-2100, from not
 * after to, and at most {@code maxDays} days.
 */
record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone, long start, long end) {
    /** Reports of rows (sessions, lost tickets and overnight stays, the activity log): a year and a day. */
    static final int ROW_DAYS = 366;
    /** Reports of sums (revenue, traffic, shifts): five years. */
    static final int SUM_DAYS = 1827;
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    static ReportPeriod of(LocalDate from, LocalDate to, ZoneId zone, int maxDays) {
        if (from == null || to == null) {
            throw ParkirException.invalid("period_missing", "give the period: from and to, both YYYY-MM-DD (days of the site)");
        }
        check("from", from);
        check("to", to);
        if (from.isAfter(to)) {
            throw ParkirException.invalid("period_invalid", "from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw ParkirException.invalid("period_too_long", "this report covers at most " + maxDays + " days; "
                    + from + " to " + to + " is " + days + ": choose a shorter period");
        }
        return new ReportPeriod(from, to, zone, from.atStartOfDay(zone).toInstant().toEpochMilli(),
                to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }

    private static void check(String name, LocalDate day) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw ParkirException.invalid(name + "_invalid", name + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>((int) days());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** The period cut into consecutive parts of at most {@code days} days, for work done a month at a time. */
    List<ReportPeriod> parts(int days) {
        List<ReportPeriod> parts = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(days)) {
            LocalDate last = d.plusDays(days - 1L).isAfter(to) ? to : d.plusDays(days - 1L);
            parts.add(new ReportPeriod(d, last, zone, d.atStartOfDay(zone).toInstant().toEpochMilli(),
                    last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()));
        }
        return parts;
    }
}

package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.stats.StatsService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's days and hours as ranges of stored times (epoch milliseconds), for the statistics.
 * The database groups a day's times by the minute since local midnight; every offset of every
 * time zone since 2000 is a whole number of minutes, so each such minute lies in one local hour,
 * which this class finds with the zone's rules: days of 23 or 25 hours (summer time) come out right.
 */
final class StatsCalendar {
    static final long MINUTE = 60_000L;
    /** A day's figures are final this long after it ended: every payment of it is committed by then. */
    static final Duration SETTLING = Duration.ofHours(1);

    private final ZoneId zone;

    StatsCalendar(ZoneId zone) {
        this.zone = zone;
    }

    LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The first millisecond of a local day (at a gap at midnight, the first that exists). */
    long start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    long end(LocalDate day) {
        return start(day.plusDays(1));
    }

    /** Whether the day's figures can no longer change: it ended at least {@link #SETTLING} ago. */
    boolean settled(LocalDate day, Instant now) {
        return end(day) + SETTLING.toMillis() <= now.toEpochMilli();
    }

    /** A day the statistics answer for: from {@link StatsService#FIRST_DAY} to the end of next year. */
    static LocalDate check(LocalDate day, LocalDate today) {
        LocalDate last = LocalDate.of(today.getYear() + 1, 12, 31);
        if (day.isBefore(StatsService.FIRST_DAY) || day.isAfter(last)) {
            throw ParkirException.invalid("date_invalid", "date must lie between " + StatsService.FIRST_DAY + " and " + last);
        }
        return day;
    }

    static int checkDays(int days) {
        if (days < 1 || days > StatsService.MAX_DAYS) {
            throw ParkirException.invalid("days_invalid", "days must be from 1 to " + StatsService.MAX_DAYS);
        }
        return days;
    }

    /** The {@code count} days up to and including {@code last}, oldest first. */
    static List<LocalDate> daysUpTo(LocalDate last, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (LocalDate d = last.minusDays(count - 1L); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /**
     * Counts per local hour (0..23) from counts per minute since {@code dayStart}; each row is
     * {minute, count} as the database answered.
     */
    long[] byHour(long dayStart, List<long[]> minutes) {
        long[] hours = new long[24];
        for (long[] m : minutes) {
            hours[Instant.ofEpochMilli(dayStart + m[0] * MINUTE).atZone(zone).getHour()] += m[1];
        }
        return hours;
    }
}

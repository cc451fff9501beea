package id.parkir.api.stats;

import java.time.LocalDate;

/**
 * Figures for the admin dashboard, aggregated by the database over indexed time ranges (never by
 * reading sessions one by one), so their cost follows the days asked for, not the history. Days
 * and hours are the site's, in its time zone.
 */
public interface StatsService {
    /** The first day that may be asked for; the last is the 31st of December of next year. */
    LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    /** Most days {@link #daily} answers. */
    int MAX_DAYS = 366;

    /** Today so far: entries, exits and revenue, lost tickets, vehicles inside and overnight, failed logins. */
    TodayStats today();

    /**
     * Entries and exits per hour of one day (null: today), beside the same weekday a week earlier.
     *
     * @throws id.parkir.api.ParkirException 400 {@code date_invalid} for a day outside
     *                                       {@link #FIRST_DAY} .. the end of next year
     */
    HourlyStats hourly(LocalDate date);

    /**
     * The last {@code days} days up to today, oldest first, every day present (zeros included).
     *
     * @throws id.parkir.api.ParkirException 400 {@code days_invalid} outside 1..{@link #MAX_DAYS}
     */
    DailyStats daily(int days);
}

package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Query parameters read as text and checked here, so that a value out of range or of the wrong
 * kind is a 400 that names the parameter (JAX-RS would answer 404 for "abc" in an int parameter,
 * and a date in the year 999999999 would overflow later). Dates and instants lie in 2000-2100.
 */
final class QueryParams {
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private QueryParams() {
    }

    /** The error code for a parameter: {@code totalSeconds} gives {@code total_seconds_invalid}. */
    private static String code(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT) + "_invalid";
    }

    static int integer(String name, String text, int whenAbsent, int min, int max) {
        if (text == null || text.isBlank()) {
            return whenAbsent;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ParkirException.invalid(code(name), name + " must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw ParkirException.invalid(code(name), name + " must be from " + min + " to " + max);
        }
        return (int) value;
    }

    static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw ParkirException.invalid(code(name), name + " must be YYYY-MM-DD");
        }
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw ParkirException.invalid(code(name), name + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return date;
    }

    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw ParkirException.invalid("query_invalid", name + " must be an ISO-8601 instant, e.g. 2026-11-22T08:15:00Z");
        }
        if (at.isBefore(FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                || at.isAfter(LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw ParkirException.invalid("query_invalid", name + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return at;
    }

    /**
     * An ISO-8601 instant, or a local date {@code YYYY-MM-DD} in the site's time zone: the start of
     * that day, or with {@code endOfDay} the start of the next (so a date as {@code to} includes its
     * day). The error code names the parameter ({@code from_invalid}).
     */
    static Instant instantOrDate(String name, String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() == 10) {
            LocalDate day = date(name, t);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        try {
            return instant(name, t);
        } catch (ParkirException e) {
            throw ParkirException.invalid(code(name), name + " must be a date (YYYY-MM-DD, site time) or an ISO-8601"
                    + " instant between " + FIRST_DAY + " and " + LAST_DAY);
        }
    }
}

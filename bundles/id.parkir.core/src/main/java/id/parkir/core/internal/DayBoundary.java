package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The site's day boundary: the local time a vehicle must still be inside at to count as an
 * overnight stay. One place computes it, so the overnight list and the fee agree.
 */
final class DayBoundary {
    private final ZoneId zone;
    private final LocalTime time;

    DayBoundary(String zoneId, String hhmm) {
        try {
            this.zone = ZoneId.of(zoneId);
            this.time = LocalTime.parse(hhmm);
        } catch (java.time.DateTimeException e) {
            throw ParkirException.invalid("config_invalid", "timeZone/dayBoundary invalid: " + e.getMessage());
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** How many boundaries lie in (entry, exit]. */
    int nightsBetween(Instant entry, Instant exit) {
        int nights = 0;
        LocalDate day = entry.atZone(zone).toLocalDate();
        LocalDate last = exit.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Instant boundary = day.atTime(time).atZone(zone).toInstant();
            if (boundary.isAfter(entry) && !boundary.isAfter(exit)) {
                nights++;
            }
        }
        return nights;
    }

    /** The latest boundary at or before {@code now}: vehicles that entered before it are overnight. */
    Instant lastBoundary(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant b = today.atTime(time).atZone(zone).toInstant();
        return b.isAfter(now) ? today.minusDays(1).atTime(time).atZone(zone).toInstant() : b;
    }

    Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}

package id.parkir.core.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * How finely the database must group stored times so that each group lies within one local day
 * (or hour) of the site. Times are grouped by {@code (t - start) / unit} from a local midnight
 * {@code start}; local midnights (and hours) lie a whole number of days (hours) after it, moved by
 * the changes of the zone's offset in between. So the unit is the greatest common divisor of the
 * day (hour) and every such change: a day in Jakarta (no change), an hour where summer time moves
 * the clock by an hour, 15 minutes in Lord Howe's half-hour summer time, a minute at worst (every
 * offset since 2000 is whole minutes). The groups are few, and Java gives each its local day.
 */
final class TimeGrid {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private TimeGrid() {
    }

    static long unit(ZoneId zone, long start, long end, long wanted) {
        ZoneRules rules = zone.getRules();
        long first = rules.getOffset(Instant.ofEpochMilli(start)).getTotalSeconds() * 1000L;
        long unit = wanted;
        Instant at = Instant.ofEpochMilli(start);
        for (ZoneOffsetTransition t = rules.nextTransition(at); t != null && t.getInstant().toEpochMilli() < end;
             t = rules.nextTransition(t.getInstant())) {
            unit = gcd(unit, Math.abs(t.getOffsetAfter().getTotalSeconds() * 1000L - first));
        }
        return Math.max(MINUTE, unit);
    }

    /** Whether the zone's offset stays the same throughout [start, end). */
    static boolean fixedOffset(ZoneId zone, long start, long end) {
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.ofEpochMilli(start));
        return t == null || t.getInstant().toEpochMilli() >= end;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

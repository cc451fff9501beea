package id.parkir.core.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Figures of days that can no longer change ({@link StatsCalendar#settled}), kept so that they are
 * aggregated once per start rather than on every dashboard refresh; the least recently used go
 * first beyond {@code capacity}. All are forgotten when the database was replaced under the server
 * (a restore: {@code generation} changes). Thread-safe.
 */
final class SettledDays<V> {
    private final Map<LocalDate, V> days;
    private final LongSupplier generation;
    private long seen;

    SettledDays(int capacity, LongSupplier generation) {
        this.generation = generation;
        this.seen = generation.getAsLong();
        this.days = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LocalDate, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(LocalDate day) {
        current();
        return days.get(day);
    }

    synchronized void put(LocalDate day, V value) {
        current();
        days.put(day, value);
    }

    private void current() {
        long now = generation.getAsLong();
        if (now != seen) {
            days.clear();
            seen = now;
        }
    }
}

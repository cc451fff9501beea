package id.parkir.core.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of days that can no longer change ({@link StatsCalendar#settled}), kept so that they are
 * aggregated once per start rather than on every dashboard refresh; the least recently used go
 * first beyond {@code capacity}. Thread-safe.
 */
final class SettledDays<V> {
    private final Map<LocalDate, V> days;

    SettledDays(int capacity) {
        this.days = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LocalDate, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(LocalDate day) {
        return days.get(day);
    }

    synchronized void put(LocalDate day, V value) {
        days.put(day, value);
    }
}

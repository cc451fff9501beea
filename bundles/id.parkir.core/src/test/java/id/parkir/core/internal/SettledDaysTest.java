package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SettledDaysTest {
    @Test
    void keptDaysAreForgottenWhenTheDatabaseIsReplaced() {
        AtomicLong generation = new AtomicLong();
        SettledDays<String> days = new SettledDays<>(2, generation::get);
        LocalDate d = LocalDate.of(2026, 11, 30);
        days.put(d, "counted");
        days.put(d.minusDays(1), "older");
        days.put(d.minusDays(2), "oldest");
        assertNull(days.get(d), "beyond the capacity the least recently used goes");
        days.put(d, "counted");
        assertEquals("counted", days.get(d));
        generation.incrementAndGet(); // a restore
        assertNull(days.get(d));
        assertNull(days.get(d.minusDays(2)));
    }
}

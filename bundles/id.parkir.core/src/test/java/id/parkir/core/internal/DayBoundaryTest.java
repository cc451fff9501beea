package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.parkir.api.ParkirException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DayBoundaryTest {
    private final DayBoundary midnight = new DayBoundary("Asia/Jakarta", "00:00");

    private static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
    }

    @Test
    void countsMidnightsCrossedInJakarta() {
        assertEquals(0, midnight.nightsBetween(wib("2026-11-20T08:00:00"), wib("2026-11-20T23:59:00")));
        assertEquals(1, midnight.nightsBetween(wib("2026-11-20T23:30:00"), wib("2026-11-21T00:30:00")));
        assertEquals(3, midnight.nightsBetween(wib("2026-11-20T10:00:00"), wib("2026-11-23T09:00:00")));
        assertEquals(1, midnight.nightsBetween(wib("2026-11-20T10:00:00"), wib("2026-11-21T00:00:00")), "boundary itself counts");
    }

    @Test
    void lateBoundaryLeavesLateShowsAlone() {
        DayBoundary three = new DayBoundary("Asia/Jakarta", "03:00");
        assertEquals(0, three.nightsBetween(wib("2026-11-20T19:00:00"), wib("2026-11-21T01:00:00")));
        assertEquals(1, three.nightsBetween(wib("2026-11-20T19:00:00"), wib("2026-11-21T07:00:00")));
    }

    @Test
    void lastBoundaryIsTheLatestPastOne() {
        assertEquals(wib("2026-11-21T00:00:00"), midnight.lastBoundary(wib("2026-11-21T15:00:00")));
        DayBoundary three = new DayBoundary("Asia/Jakarta", "03:00");
        assertEquals(wib("2026-11-20T03:00:00"), three.lastBoundary(wib("2026-11-21T02:00:00")));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(ParkirException.class, () -> new DayBoundary("Asia/Jakarta", "25:00"));
        assertThrows(ParkirException.class, () -> new DayBoundary("Mars/Olympus", "00:00"));
    }
}

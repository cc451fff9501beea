package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days and hours of the statistics in the site's time zone, as the database's minute groups are read. */
class StatsCalendarTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Minute groups for stored times, as {@link StatsQueries} gets them from the database. */
    private static List<long[]> minutes(StatsCalendar calendar, LocalDate day, ZoneId zone, String... localTimes) {
        long start = calendar.start(day);
        List<long[]> rows = new ArrayList<>();
        for (String t : localTimes) {
            long at = LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
            rows.add(new long[] {(at - start) / StatsCalendar.MINUTE, 1});
        }
        return rows;
    }

    /** Same, for instants given in UTC (to name either pass of an hour a clock goes back over). */
    private static List<long[]> minutesUtc(StatsCalendar calendar, LocalDate day, String... utcTimes) {
        long start = calendar.start(day);
        List<long[]> rows = new ArrayList<>();
        for (String t : utcTimes) {
            rows.add(new long[] {(Instant.parse(t).toEpochMilli() - start) / StatsCalendar.MINUTE, 1});
        }
        return rows;
    }

    @Test
    void jakartaDaysStartAtLocalMidnightAndHoursAreLocal() {
        StatsCalendar calendar = new StatsCalendar(JAKARTA);
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertEquals(Instant.parse("2026-11-19T17:00:00Z").toEpochMilli(), calendar.start(day));
        assertEquals(24 * 3_600_000L, calendar.end(day) - calendar.start(day));
        assertEquals(day, calendar.today(Instant.parse("2026-11-19T17:00:00Z")), "00:00 WIB is already the new day");
        assertEquals(day.minusDays(1), calendar.today(Instant.parse("2026-11-19T16:59:59.999Z")));
        long[] hours = calendar.byHour(calendar.start(day), minutes(calendar, day, JAKARTA,
                "2026-11-20T00:00:00", "2026-11-20T07:59:59.999", "2026-11-20T08:00:00", "2026-11-20T08:30:00",
                "2026-11-20T23:59:59.999"));
        long[] expected = new long[24];
        expected[0] = 1;
        expected[7] = 1;
        expected[8] = 2;
        expected[23] = 1;
        assertArrayEquals(expected, hours);
    }

    @Test
    void aDayWhoseClockGoesForwardHas23HoursAndAnEmptyHour() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        StatsCalendar calendar = new StatsCalendar(berlin);
        LocalDate day = LocalDate.of(2026, 3, 29); // 02:00 CET becomes 03:00 CEST
        assertEquals(23 * 3_600_000L, calendar.end(day) - calendar.start(day));
        long[] hours = calendar.byHour(calendar.start(day), minutes(calendar, day, berlin,
                "2026-03-29T01:59:00", "2026-03-29T03:00:00", "2026-03-29T23:30:00"));
        assertEquals(1, hours[1]);
        assertEquals(0, hours[2], "02:00-02:59 does not exist that day");
        assertEquals(1, hours[3]);
        assertEquals(1, hours[23]);
    }

    @Test
    void aDayWhoseClockGoesBackHas25HoursAndOneHourHoldsBothPasses() {
        StatsCalendar calendar = new StatsCalendar(ZoneId.of("Europe/Berlin"));
        LocalDate day = LocalDate.of(2026, 10, 25); // 03:00 CEST becomes 02:00 CET
        assertEquals(25 * 3_600_000L, calendar.end(day) - calendar.start(day));
        long[] hours = calendar.byHour(calendar.start(day), minutesUtc(calendar, day,
                "2026-10-25T00:15:00Z", "2026-10-25T01:15:00Z", "2026-10-25T02:15:00Z", "2026-10-25T22:59:00Z"));
        assertEquals(2, hours[2], "02:15 CEST and 02:15 CET");
        assertEquals(1, hours[3]);
        assertEquals(1, hours[23]);
        assertEquals(4, java.util.Arrays.stream(hours).sum());
    }

    @Test
    void quarterAndHalfHourZonesAndHalfHourSummerTime() {
        ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // +05:45
        StatsCalendar nepal = new StatsCalendar(kathmandu);
        LocalDate day = LocalDate.of(2026, 11, 20);
        long[] hours = nepal.byHour(nepal.start(day), minutes(nepal, day, kathmandu, "2026-11-20T00:44:59", "2026-11-20T01:00:00"));
        assertEquals(1, hours[0]);
        assertEquals(1, hours[1]);

        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe"); // +10:30, +11:00 in summer: 02:00 -> 02:30 on 2026-10-04
        StatsCalendar island = new StatsCalendar(lordHowe);
        LocalDate spring = LocalDate.of(2026, 10, 4);
        assertEquals(23 * 3_600_000L + 1_800_000L, island.end(spring) - island.start(spring));
        long[] springHours = island.byHour(island.start(spring), minutes(island, spring, lordHowe,
                "2026-10-04T01:59:00", "2026-10-04T02:30:00", "2026-10-04T02:59:00", "2026-10-04T03:00:00"));
        assertEquals(1, springHours[1]);
        assertEquals(2, springHours[2], "02:30-02:59 exists");
        assertEquals(1, springHours[3]);
    }

    /** What the minute groups rely on: since 2000 no zone's offset has seconds, so a minute lies in one local hour. */
    @Test
    void everyZoneOffsetSince2000IsWholeMinutes() {
        Instant from = Instant.parse("2000-01-01T00:00:00Z");
        Instant until = Instant.parse("2102-01-01T00:00:00Z");
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneRules rules = ZoneId.of(id).getRules();
            assertEquals(0, rules.getOffset(from).getTotalSeconds() % 60, id);
            for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(until);
                 t = rules.nextTransition(t.getInstant())) {
                assertEquals(0, t.getOffsetAfter().getTotalSeconds() % 60, id + " at " + t);
            }
        }
        assertEquals(0, ZoneOffset.UTC.getTotalSeconds());
    }

    @Test
    void aDaySettlesAnHourAfterItEnds() {
        StatsCalendar calendar = new StatsCalendar(JAKARTA);
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertFalse(calendar.settled(day, Instant.parse("2026-11-20T17:59:59.999Z")), "00:59:59 WIB the next day");
        assertTrue(calendar.settled(day, Instant.parse("2026-11-20T18:00:00Z")));
        assertFalse(calendar.settled(day.plusDays(1), Instant.parse("2026-11-20T18:00:00Z")), "today never");
    }

    @Test
    void datesFrom2000ToTheEndOfNextYear() {
        LocalDate today = LocalDate.of(2026, 11, 20);
        assertEquals(LocalDate.of(2000, 1, 1), StatsCalendar.check(LocalDate.of(2000, 1, 1), today));
        assertEquals(LocalDate.of(2027, 12, 31), StatsCalendar.check(LocalDate.of(2027, 12, 31), today));
        ParkirException before = assertThrows(ParkirException.class, () -> StatsCalendar.check(LocalDate.of(1999, 12, 31), today));
        assertEquals("date_invalid", before.code());
        assertEquals(ParkirException.Kind.INVALID, before.kind());
        assertThrows(ParkirException.class, () -> StatsCalendar.check(LocalDate.of(2028, 1, 1), today));
        assertEquals(1, StatsCalendar.checkDays(1));
        assertEquals(366, StatsCalendar.checkDays(366));
        assertEquals("days_invalid", assertThrows(ParkirException.class, () -> StatsCalendar.checkDays(0)).code());
        assertThrows(ParkirException.class, () -> StatsCalendar.checkDays(367));
    }

    @Test
    void theLastDaysEndTodayOldestFirstAcrossMonthsAndLeapDays() {
        List<LocalDate> days = StatsCalendar.daysUpTo(LocalDate.of(2028, 3, 1), 3);
        assertEquals(List.of(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 1)), days);
        assertEquals(366, StatsCalendar.daysUpTo(LocalDate.of(2028, 12, 31), 366).size());
        assertEquals(LocalDate.of(2028, 1, 1), StatsCalendar.daysUpTo(LocalDate.of(2028, 12, 31), 366).get(0));
    }
}

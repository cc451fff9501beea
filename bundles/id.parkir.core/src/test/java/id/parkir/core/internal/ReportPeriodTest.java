package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.VehicleType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports' periods (days of the site, limits), the time grid the database groups by, and the parts of a fee. */
class ReportPeriodTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aPeriodIsItsDaysFromLocalMidnightToLocalMidnight() {
        ReportPeriod p = ReportPeriod.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), JAKARTA, 31);
        assertEquals(Instant.parse("2026-10-31T17:00:00Z").toEpochMilli(), p.start());
        assertEquals(Instant.parse("2026-11-30T17:00:00Z").toEpochMilli(), p.end());
        assertEquals(30, p.days());
        assertEquals(30, p.dates().size());
        ReportPeriod autumn = ReportPeriod.of(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), BERLIN, 1);
        assertEquals(25 * TimeGrid.HOUR, autumn.end() - autumn.start(), "the day summer time ends has 25 hours");
        List<ReportPeriod> parts = ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 5), JAKARTA, 366).parts(31);
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 4)),
                parts.stream().map(ReportPeriod::from).toList());
        assertEquals(LocalDate.of(2026, 3, 5), parts.get(2).to());
        assertEquals(p.start(), ReportPeriod.of(p.from(), p.to(), JAKARTA, 31).parts(31).get(0).start());
    }

    @Test
    void periodsAreChecked() {
        LocalDate d = LocalDate.of(2026, 11, 1);
        assertEquals("period_missing", code(() -> ReportPeriod.of(null, d, JAKARTA, 31)));
        assertEquals("period_invalid", code(() -> ReportPeriod.of(d, d.minusDays(1), JAKARTA, 31)));
        assertEquals("period_too_long", code(() -> ReportPeriod.of(d, d.plusDays(31), JAKARTA, 31)));
        assertEquals(32, ReportPeriod.of(d, d.plusDays(31), JAKARTA, 32).days());
        assertEquals("to_invalid", code(() -> ReportPeriod.of(d, LocalDate.of(2101, 1, 1), JAKARTA, 100_000)));
        assertEquals(ReportPeriod.ROW_DAYS, 366);
    }

    @Test
    void theGridIsADayWhereTheOffsetStaysAndFinerWhereItMoves() {
        ReportPeriod year = ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), JAKARTA, 366);
        assertEquals(TimeGrid.DAY, TimeGrid.unit(JAKARTA, year.start(), year.end(), TimeGrid.DAY));
        assertTrue(TimeGrid.fixedOffset(JAKARTA, year.start(), year.end()));
        ReportPeriod kathmandu = ReportPeriod.of(year.from(), year.to(), ZoneId.of("Asia/Kathmandu"), 366);
        assertEquals(TimeGrid.DAY, TimeGrid.unit(kathmandu.zone(), kathmandu.start(), kathmandu.end(), TimeGrid.DAY),
                "+05:45 all year: local midnights are a whole number of days apart");
        ReportPeriod berlin = ReportPeriod.of(year.from(), year.to(), BERLIN, 366);
        assertEquals(TimeGrid.HOUR, TimeGrid.unit(BERLIN, berlin.start(), berlin.end(), TimeGrid.DAY));
        ReportPeriod lordHowe = ReportPeriod.of(year.from(), year.to(), ZoneId.of("Australia/Lord_Howe"), 366);
        assertEquals(30 * TimeGrid.MINUTE, TimeGrid.unit(lordHowe.zone(), lordHowe.start(), lordHowe.end(), TimeGrid.DAY));
        ReportPeriod winter = ReportPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), BERLIN, 366);
        assertEquals(TimeGrid.DAY, TimeGrid.unit(BERLIN, winter.start(), winter.end(), TimeGrid.DAY));
    }

    /** Every group of the grid lies within one local day, in every zone, over years with every kind of change. */
    @Test
    void everyGroupLiesInOneLocalDayInEveryZone() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneId zone = ZoneId.of(id);
            ReportPeriod p = ReportPeriod.of(LocalDate.of(2000, 1, 1), LocalDate.of(2004, 12, 31), zone, 100_000);
            long unit = TimeGrid.unit(zone, p.start(), p.end(), TimeGrid.DAY);
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.ofEpochMilli(p.start()));
                 t != null && t.getInstant().toEpochMilli() < p.end(); t = zone.getRules().nextTransition(t.getInstant())) {
                long at = t.getInstant().toEpochMilli();
                LocalDate day = Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
                long midnight = day.atStartOfDay(zone).toInstant().toEpochMilli();
                assertEquals(0, Math.floorMod(midnight - p.start(), unit), id + ": local midnight on a grid line near " + t);
            }
        }
    }

    @Test
    void theFineAndTheOvernightChargeAreWhatTheyAddToTheFee() {
        Instant in = Instant.parse("2026-11-01T10:00:00Z");
        Stay stay = new Stay(VehicleType.CAR, "A", in, in.plusSeconds(26 * 3600), true, 1);
        FeeParts parts = FeeParts.of(ReportServiceTest.RULE, stay, ReportServiceTest.RULE.quote(stay));
        assertEquals(new FeeParts(25_000, 50_000), parts);
        Stay plain = new Stay(VehicleType.MOTORCYCLE, "A", in, in.plusSeconds(600), false, 0);
        assertEquals(new FeeParts(0, 0), FeeParts.of(ReportServiceTest.RULE, plain, ReportServiceTest.RULE.quote(plain)));
    }

    private static String code(Runnable call) {
        return assertThrows(ParkirException.class, call::run).code();
    }
}

package id.parkir.tariff.progressive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.Fee;
import id.parkir.api.Stay;
import id.parkir.api.VehicleType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressiveTariffTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

    /**
     * A university campus car park's published board: motorcycle Rp1.000 first hour, Rp1.000 each
     * next hour, maximum Rp2.000, lost ticket Rp10.000; car Rp2.000 per hour, maximum Rp10.000, lost
     * ticket Rp50.000, overnight Rp50.000. No grace period.
     */
    private static final ProgressiveTariff CAMPUS = ProgressiveTariff.fromConfig(config(
            "motorcycle.firstHour=1000", "motorcycle.nextHour=1000", "motorcycle.dailyMax=2000",
            "motorcycle.graceMinutes=0", "motorcycle.lostTicketFine=10000", "motorcycle.overnight=0",
            "car.firstHour=2000", "car.nextHour=2000", "car.dailyMax=10000", "car.graceMinutes=0",
            "car.lostTicketFine=50000", "car.overnight=50000"));

    private static Map<String, String> config(String... entries) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String e : entries) {
            m.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        return m;
    }

    private static Fee quote(ProgressiveTariff t, VehicleType type, long minutes, boolean lost, int nights) {
        return t.quote(new Stay(type, "A", T0, T0.plus(Duration.ofMinutes(minutes)), lost, nights));
    }

    @ParameterizedTest(name = "campus {0} {1} min lost={2} nights={3} -> Rp{4}")
    @CsvSource({
            "motorcycle, 0, false, 0, 1000",
            "motorcycle, 1, false, 0, 1000",
            "motorcycle, 60, false, 0, 1000",
            "motorcycle, 61, false, 0, 2000",
            "motorcycle, 300, false, 0, 2000",
            "motorcycle, 30, true, 0, 11000",
            "car, 45, false, 0, 2000",
            "car, 121, false, 0, 6000",
            "car, 300, false, 0, 10000",
            "car, 600, false, 0, 10000",
            "car, 60, true, 0, 52000",
            "car, 600, false, 1, 60000",
            // 26 hours: the first 24-hour block is capped at 10.000, the next 2 hours cost 4.000
            "car, 1560, false, 1, 64000",
    })
    void campusBoard(String type, long minutes, boolean lost, int nights, long expected) {
        Fee fee = quote(CAMPUS, VehicleType.parse(type), minutes, lost, nights);
        assertEquals(expected, fee.total());
        assertEquals(expected, fee.lines().stream().mapToLong(l -> l.amount()).sum());
    }

    @Test
    void mallDefaultsGraceAndProgression() {
        ProgressiveTariff mall = ProgressiveTariff.fromConfig(Map.of());
        assertEquals(0, quote(mall, VehicleType.CAR, 5, false, 0).total(), "within the 5 minute grace");
        assertEquals(5_000, quote(mall, VehicleType.CAR, 6, false, 0).total());
        assertEquals(13_000, quote(mall, VehicleType.CAR, 150, false, 0).total(), "3 started hours: 5.000 + 2 x 4.000");
        assertEquals(60_000, quote(mall, VehicleType.CAR, 23 * 60, false, 0).total(), "capped at the daily maximum");
        assertEquals(3_000 + 2_000, quote(mall, VehicleType.MOTORCYCLE, 90, false, 0).total());
        assertEquals(50_000, quote(mall, VehicleType.CAR, 2, true, 0).total(), "lost ticket within grace pays the fine only");
    }

    @Test
    void linesExplainTheFee() {
        Fee fee = quote(CAMPUS, VehicleType.CAR, 600, true, 1);
        assertEquals(3, fee.lines().size());
        assertTrue(fee.lines().get(0).label().contains("10 jam"));
        assertTrue(fee.lines().get(1).label().startsWith("Menginap"));
        assertTrue(fee.lines().get(2).label().contains("hilang"));
    }

    @Test
    void refusesBadConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressiveTariff.fromConfig(Map.of("car.firstHour", "lima ribu")));
        assertTrue(e.getMessage().contains("car.firstHour"));
        assertThrows(IllegalArgumentException.class, () -> ProgressiveTariff.fromConfig(Map.of("bus.nextHour", "-1")));
    }
}

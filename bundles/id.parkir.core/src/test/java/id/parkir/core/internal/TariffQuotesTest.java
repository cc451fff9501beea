package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.parking.TariffQuote;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TariffQuotesTest {
    private final AtomicReference<Stay> priced = new AtomicReference<>();
    /** Rp1.000 per started hour and Rp10.000 per night: enough to see what the rule was given. */
    private final TariffRule rule = new TariffRule() {
        @Override
        public Fee quote(Stay stay) {
            priced.set(stay);
            long hours = (stay.durationMinutes() + 59) / 60;
            return Fee.of(List.of(new FeeLine("Parkir " + hours + " jam", hours * 1_000),
                    new FeeLine("Menginap", stay.overnights() * 10_000L)));
        }

        @Override
        public String describe() {
            return "test";
        }
    };
    private final TariffQuotes quotes = new TariffQuotes(new DayBoundary("Asia/Jakarta", "00:00"), () -> rule);

    private static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
    }

    @Test
    void theRuleInUsePricesTheStayWithTheSitesNights() {
        TariffQuote q = quotes.quote("Car", wib("2026-11-20T22:00:00"), wib("2026-11-22T01:30:00"), true);
        assertEquals("car", q.vehicleType());
        assertEquals(27 * 60 + 30, q.durationMinutes());
        assertEquals(2, q.overnights(), "two Jakarta midnights");
        assertEquals(28_000 + 20_000, q.total());
        assertEquals(2, q.lines().size());
        assertEquals(true, priced.get().lostTicket());
        assertEquals(0, quotes.quote("bus", wib("2026-11-20T22:00:00"), wib("2026-11-20T22:00:00"), false).total(),
                "exit at the entry instant");
    }

    @Test
    void badStaysAreRefused() {
        Instant t = wib("2026-11-20T10:00:00");
        assertEquals("time_invalid", assertThrows(ParkirException.class,
                () -> quotes.quote("car", t, t.minusSeconds(1), false)).code());
        assertEquals("time_invalid", assertThrows(ParkirException.class,
                () -> quotes.quote("car", t, t.plus(java.time.Duration.ofDays(366)).plusSeconds(1), false)).code());
        assertEquals(366 * 10_000L, quotes.quote("car", t, t.plus(java.time.Duration.ofDays(366)), false).lines().get(1).amount());
        assertEquals("vehicle_type_invalid", assertThrows(ParkirException.class,
                () -> quotes.quote("tank", t, t, false)).code());
        assertEquals("time_missing", assertThrows(ParkirException.class, () -> quotes.quote("car", null, t, false)).code());
    }
}

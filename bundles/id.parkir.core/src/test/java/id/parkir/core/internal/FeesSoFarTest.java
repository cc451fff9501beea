package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.parking.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeesSoFarTest {
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final List<Stay> priced = new ArrayList<>();

    /** Rp1.000 per started hour, Rp50.000 per night, Rp25.000 for a lost ticket. */
    private final TariffRule rule = new TariffRule() {
        @Override
        public Fee quote(Stay stay) {
            priced.add(stay);
            if (stay.vehicleType().code().equals("bus")) {
                throw new IllegalStateException("no rate for buses");
            }
            long hours = (stay.durationMinutes() + 59) / 60;
            return Fee.of(List.of(new FeeLine("jam", hours * 1000), new FeeLine("malam", stay.overnights() * 50_000L),
                    new FeeLine("hilang", stay.lostTicket() ? 25_000 : 0)));
        }

        @Override
        public String describe() {
            return "test";
        }
    };

    private SessionView inside(String ticket, String type, Duration ago, int nights, boolean lostTicket) {
        return new SessionView(ticket, "B1AB", type, "A", null, "inside", now.minus(ago), null, null, lostTicket, nights,
                null, null);
    }

    @Test
    void pricesEachStayAsIfItLeftNowWithoutTheLostTicketFine() {
        List<SessionView> views = List.of(inside("T1", "car", Duration.ofMinutes(130), 0, false),
                inside("T2", "motorcycle", Duration.ofHours(30), 1, true));
        List<SessionView> out = new FeesSoFar(() -> rule).add(views, now);
        assertEquals(3000L, out.get(0).feeSoFar());
        assertEquals(30_000L + 50_000L, out.get(1).feeSoFar(), "the night counts, the lost-ticket fine does not");
        assertEquals(now, priced.get(0).exitTime());
        assertEquals(false, priced.get(1).lostTicket());
        assertEquals(views.get(1).ticket(), out.get(1).ticket());
        assertEquals(true, out.get(1).lostTicket(), "the listed flag itself is kept");
    }

    @Test
    void aMissingOrFailingRuleLeavesTheFeeEmptyAndTheListWhole() {
        List<SessionView> views = List.of(inside("T1", "bus", Duration.ofMinutes(10), 0, false),
                inside("T2", "car", Duration.ofMinutes(10), 0, false));
        List<SessionView> out = new FeesSoFar(() -> rule).add(views, now);
        assertNull(out.get(0).feeSoFar());
        assertEquals(1000L, out.get(1).feeSoFar());

        List<SessionView> none = new FeesSoFar(() -> {
            throw ParkirException.unavailable("tariff_rule_unavailable", "not installed");
        }).add(views, now);
        assertEquals(views, none);
    }
}

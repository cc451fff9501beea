package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.parkir.api.ParkirException;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.SessionQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SessionFiltersTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 1);

    private static SessionQuery q(String status, LocalDate date, LocalDate from, LocalDate to, String ticket, String gate,
                                  String cashier) {
        return new SessionQuery(status, null, date, from, to, ticket, gate, cashier, 0, 50);
    }

    private static String refused(SessionQuery q) {
        return assertThrows(ParkirException.class, () -> SessionFilters.of(q)).code();
    }

    @Test
    void aDateIsARangeOfOneDayAndFromToUpTo31Days() {
        SessionFilters day = SessionFilters.of(q(null, D, null, null, null, null, null));
        assertEquals(D, day.first());
        assertEquals(D, day.last());
        SessionFilters month = SessionFilters.of(q(null, null, D, D.plusDays(30), null, null, null));
        assertEquals(D.plusDays(30), month.last());
        assertEquals("range_too_long", refused(q(null, null, D, D.plusDays(31), null, null, null)));
        assertEquals("range_invalid", refused(q(null, null, D, D.minusDays(1), null, null, null)));
        SessionFilters since = SessionFilters.of(q(null, null, D, null, null, null, null));
        assertEquals(D.plusDays(30), since.last(), "from alone: the 31 days from it");
        SessionFilters until = SessionFilters.of(q(null, null, null, D, null, null, null));
        assertEquals(D.minusDays(30), until.first(), "to alone: the 31 days up to it");
        assertEquals("range_invalid", refused(q(null, D, D, D, null, null, null)));
        assertEquals("from_invalid", refused(q(null, null, LocalDate.of(1999, 12, 31), D, null, null, null)));
    }

    @Test
    void theTicketIsCheckedByItsCheckCharacter() {
        String ticket = TicketNumber.generate();
        assertEquals(ticket, SessionFilters.of(q(null, null, null, null, ticket.toLowerCase(), null, null)).ticket());
        String wrong = ticket.substring(0, 9) + (ticket.charAt(9) == '0' ? '1' : '0');
        assertEquals("ticket_check_failed", refused(q(null, null, null, null, wrong, null, null)));
        assertEquals("ticket_invalid", refused(q(null, null, null, null, "' OR 1=1 --", null, null)));
        assertNull(SessionFilters.of(q(null, null, null, null, " ", null, null)).ticket());
    }

    @Test
    void gateAndCashierNeedSomethingThatBoundsTheRowsRead() {
        assertEquals("range_required", refused(q(null, null, null, null, null, "G1", null)));
        assertEquals("range_required", refused(q("paid", null, null, null, null, null, "kasir1")));
        assertEquals("G1", SessionFilters.of(q(null, D, null, null, null, " G1 ", null)).gate());
        assertEquals("kasir1", SessionFilters.of(q(null, null, D, D.plusDays(6), null, null, "kasir1")).cashier());
        assertEquals("G1", SessionFilters.of(q("inside", null, null, null, null, "G1", null)).gate());
        assertEquals("G1", SessionFilters.of(q(null, null, null, null, TicketNumber.generate(), "G1", null)).gate());
        assertEquals("gate_invalid", refused(q(null, D, null, null, null, "../etc", null)));
        assertEquals("cashier_invalid", refused(q(null, D, null, null, null, null, "a b")));
        assertEquals("cashier_invalid", refused(q(null, D, null, null, null, null, "x".repeat(65))));
    }

    @Test
    void theFirstFiltersAreCheckedAsBefore() {
        assertEquals("status_invalid", refused(q("gone", null, null, null, null, null, null)));
        assertEquals("plate_invalid", refused(new SessionQuery(null, "' OR 1=1", null, 0, 50)));
        assertEquals("date_invalid", refused(q(null, LocalDate.of(2101, 1, 1), null, null, null, null, null)));
        assertEquals("B12", SessionFilters.of(new SessionQuery(null, "b 12", null, 0, 50)).plate());
    }
}

package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.SessionQuery;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters of a session search, checked: each bad one is a 400 that names it. The entry dates
 * ({@code date}, or {@code from}..{@code to}, both included; one end alone means the
 * {@link #MAX_DAYS} days from or up to it) are one range of at most {@link #MAX_DAYS} days; the
 * gate and cashier filters have no index of their own, so they need something that bounds the rows
 * read first: a date range, a ticket, or the vehicles inside.
 */
record SessionFilters(String status, String plate, LocalDate first, LocalDate last, String ticket, String gate,
                      String cashier) {
    static final int MAX_DAYS = 31;
    private static final Pattern CASHIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static SessionFilters of(SessionQuery q) {
        String status = Sessions.isBlank(q.status()) ? null : q.status().trim().toLowerCase(Locale.ROOT);
        if (status != null && !status.equals("inside") && !status.equals("paid") && !status.equals("overnight")) {
            throw ParkirException.invalid("status_invalid", "status must be inside, paid or overnight");
        }
        String plate = null;
        if (!Sessions.isBlank(q.plate())) {
            plate = q.plate().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
            if (!plate.matches("[A-Z0-9]{1,10}")) {
                throw ParkirException.invalid("plate_invalid", "plate filter may contain letters and digits only");
            }
        }
        checkYear("date", q.date());
        checkYear("from", q.from());
        checkYear("to", q.to());
        LocalDate first = q.date();
        LocalDate last = q.date();
        if (q.from() != null || q.to() != null) {
            if (q.date() != null) {
                throw ParkirException.invalid("range_invalid", "give date, or from/to, not both");
            }
            // one end alone is the 31 days from it (from) or up to it (to)
            first = q.from() != null ? q.from() : q.to().minusDays(MAX_DAYS - 1);
            last = q.to() != null ? q.to() : q.from().plusDays(MAX_DAYS - 1);
            if (last.isBefore(first)) {
                throw ParkirException.invalid("range_invalid", "to must not be before from");
            }
            if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                throw ParkirException.invalid("range_too_long", "from..to may span at most " + MAX_DAYS + " days");
            }
        }
        String ticket = Sessions.isBlank(q.ticket()) ? null : TicketNumber.parse(q.ticket());
        String gate = Sessions.isBlank(q.gate()) ? null : q.gate().trim();
        if (gate != null && !Entries.GATE.matcher(gate).matches()) {
            throw ParkirException.invalid("gate_invalid", "gate must be 1-32 letters, digits, spaces, '.', '_' or '-'");
        }
        String cashier = Sessions.isBlank(q.cashier()) ? null : q.cashier().trim();
        if (cashier != null && !CASHIER.matcher(cashier).matches()) {
            throw ParkirException.invalid("cashier_invalid", "cashier must be a username (letters, digits, '.', '_', '-')");
        }
        boolean inside = status != null && !status.equals("paid");
        if ((gate != null || cashier != null) && first == null && ticket == null && !inside) {
            throw ParkirException.invalid("range_required", "gate and cashier have no index of their own: give date or"
                    + " from/to (at most " + MAX_DAYS + " days), a ticket, or status=inside");
        }
        return new SessionFilters(status, plate, first, last, ticket, gate, cashier);
    }

    private static void checkYear(String name, LocalDate d) {
        if (d != null && (d.getYear() < 2000 || d.getYear() > 2100)) {
            throw ParkirException.invalid(name + "_invalid", name + " must lie between 2000-01-01 and 2100-12-31");
        }
    }

    /** Vehicles inside now (the lot table), rather than the history. */
    boolean inside() {
        return status != null && !status.equals("paid");
    }

    /** Whether a filter reads a column only the session row has (gate, cashier, ticket). */
    boolean onSession() {
        return ticket != null || gate != null || cashier != null;
    }
}

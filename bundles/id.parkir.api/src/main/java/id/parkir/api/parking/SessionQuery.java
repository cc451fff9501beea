package id.parkir.api.parking;

import java.time.LocalDate;

/**
 * Filters for the session list; null means "any". {@code status} is {@code inside}, {@code paid}
 * or {@code overnight} (inside and past at least one day boundary). {@code date} is the local
 * entry date; {@code from}..{@code to} a range of local entry dates (both included, at most 31
 * days, instead of {@code date}; one end alone means the 31 days from or up to it). {@code ticket} is one ticket number (its check character
 * checked); {@code gate} the entry gate; {@code cashier} the user who took the payment.
 * {@code page} counts from 0.
 */
public record SessionQuery(String status, String plate, LocalDate date, LocalDate from, LocalDate to, String ticket,
                           String gate, String cashier, int page, int size) {

    /** The list's first filters, as the shell and the operator's screens use them. */
    public SessionQuery(String status, String plate, LocalDate date, int page, int size) {
        this(status, plate, date, null, null, null, null, null, page, size);
    }
}

package id.parkir.api.parking;

import java.time.LocalDate;

/**
 * Filters for the session list; null means "any". {@code status} is {@code inside}, {@code paid}
 * or {@code overnight} (inside and past at least one day boundary). {@code date} is the local
 * entry date. {@code page} counts from 0.
 */
public record SessionQuery(String status, String plate, LocalDate date, int page, int size) {
}

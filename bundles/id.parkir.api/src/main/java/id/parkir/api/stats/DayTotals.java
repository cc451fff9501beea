package id.parkir.api.stats;

import java.time.LocalDate;

/** One day of the site: vehicles that entered, payments taken (exits) and their revenue in rupiah. */
public record DayTotals(LocalDate date, long entries, long exits, long revenue) {
}

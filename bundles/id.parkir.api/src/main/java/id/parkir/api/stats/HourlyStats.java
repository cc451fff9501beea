package id.parkir.api.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * A day's 24 hours, and those of {@code compareDate} (the same weekday a week earlier). On a day a
 * clock is put forward an hour has zeros; put back, an hour holds both of its passes.
 */
public record HourlyStats(LocalDate date, List<HourCount> hours, LocalDate compareDate, List<HourCount> compare) {
}

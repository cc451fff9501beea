package id.parkir.api.stats;

import java.util.List;

/** Consecutive days ending today, oldest first. */
public record DailyStats(List<DayTotals> days) {
}

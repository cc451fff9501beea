package id.parkir.api.parking;

import java.time.Instant;
import java.util.Map;

/**
 * The report printed when a shift closes. {@code cashExpected} is the opening float plus cash
 * taken; {@code difference} is counted minus expected (null when no count was given).
 */
public record ShiftReport(long shiftId, String username, Instant openedAt, Instant closedAt, long entries, long exits,
                          long lostTickets, Map<String, Long> revenueByMethod, long totalRevenue, long openingCash,
                          long cashExpected, Long countedCash, Long difference) {
}

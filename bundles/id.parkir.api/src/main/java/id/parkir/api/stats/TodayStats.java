package id.parkir.api.stats;

import java.time.LocalDate;
import java.util.Map;

/**
 * Today (the site's day) so far. {@code exits} and {@code revenue} are the payments of the day
 * ({@code revenueByMethod} per payment method that took any), {@code lostTickets} the paid
 * lost-ticket exits whose exit time (the time the fee was counted to) is today; {@code inside} the
 * vehicles inside now, {@code overnight} those of them that entered before the last day boundary;
 * {@code failedLogins24h} wrong passwords in the last 24 hours.
 */
public record TodayStats(LocalDate date, long entries, long exits, long revenue, Map<String, Long> revenueByMethod,
                         long lostTickets, long inside, long overnight, long failedLogins24h) {
}

package id.parkir.core.internal;

import id.parkir.store.jpa.Statements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;

/**
 * The statistics' SQL: counts and sums over a range of one indexed time column each, so the
 * database reads a stretch of an index (entries: IX_SESSION_ENTRY_AT; payments: the covering
 * IX_PAYMENT_REPORT of V5, which begins with V4's PAID_AT, METHOD, TOTAL; lost tickets:
 * IX_SESSION_LOST_EXIT; the lot table) and never a session row. Ranges are [from, to) in epoch
 * milliseconds. Plain SQL that Derby and PostgreSQL read alike: BIGINT division truncates, and
 * the times are never before {@code from}.
 */
final class StatsQueries {
    /** Payments of a range: how many, their revenue, and the revenue per method (alphabetical). */
    record Payments(long count, long revenue, Map<String, Long> byMethod) {
    }

    private StatsQueries() {
    }

    static long entries(EntityManager em, long from, long to) {
        return number(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_SESSION WHERE ENTRY_AT >= ? AND ENTRY_AT < ?",
                from, to));
    }

    static Payments payments(EntityManager em, long from, long to) {
        long count = 0;
        long revenue = 0;
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT METHOD, COUNT(*), SUM(TOTAL) FROM PARKIR_PAYMENT"
                + " WHERE PAID_AT >= ? AND PAID_AT < ? GROUP BY METHOD ORDER BY METHOD")
                .setParameter(1, from).setParameter(2, to).getResultList()) {
            Object[] r = (Object[]) row;
            count += number(r[1]);
            revenue = Math.addExact(revenue, number(r[2]));
            byMethod.put((String) r[0], number(r[2]));
        }
        return new Payments(count, revenue, byMethod);
    }

    /** {exits, revenue} of a range. */
    static long[] paymentTotals(EntityManager em, long from, long to) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(TOTAL) FROM PARKIR_PAYMENT"
                + " WHERE PAID_AT >= ? AND PAID_AT < ?").setParameter(1, from).setParameter(2, to).getSingleResult();
        return new long[] {number(r[0]), number(r[1])};
    }

    /** Lost-ticket exits charged in the range (by the exit time the fee was counted to). */
    static long lostTickets(EntityManager em, long from, long to) {
        return number(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_SESSION WHERE LOST_TICKET = ?"
                + " AND EXIT_AT >= ? AND EXIT_AT < ?", Boolean.TRUE, from, to));
    }

    /** Vehicles inside now (the lot table, as small as the car park). */
    static long inside(EntityManager em) {
        return number(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_INSIDE"));
    }

    /** Vehicles inside that entered before {@code before}. */
    static long insideBefore(EntityManager em, long before) {
        return number(Statements.single(em, "SELECT COUNT(*) FROM PARKIR_INSIDE WHERE ENTRY_AT < ?", before));
    }

    /** Entries per minute since {@code from}: rows {minute, count}, only minutes with any. */
    static List<long[]> entriesPerMinute(EntityManager em, long from, long to) {
        return perMinute(em, "PARKIR_SESSION", "ENTRY_AT", from, to);
    }

    /** Payments (exits) per minute since {@code from}. */
    static List<long[]> exitsPerMinute(EntityManager em, long from, long to) {
        return perMinute(em, "PARKIR_PAYMENT", "PAID_AT", from, to);
    }

    private static List<long[]> perMinute(EntityManager em, String table, String column, long from, long to) {
        List<long[]> minutes = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT M, COUNT(*) FROM (SELECT (" + column + " - ?) / "
                + StatsCalendar.MINUTE + " AS M FROM " + table + " WHERE " + column + " >= ? AND " + column + " < ?) T"
                + " GROUP BY M").setParameter(1, from).setParameter(2, from).setParameter(3, to).getResultList()) {
            Object[] r = (Object[]) row;
            minutes.add(new long[] {number(r[0]), number(r[1])});
        }
        return minutes;
    }

    private static long number(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }
}

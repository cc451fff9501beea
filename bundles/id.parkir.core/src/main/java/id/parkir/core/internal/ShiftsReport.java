package id.parkir.core.internal;

import static id.parkir.api.report.ColumnType.DATE_TIME;
import static id.parkir.api.report.ColumnType.INTEGER;
import static id.parkir.api.report.ColumnType.MONEY;
import static id.parkir.api.report.ColumnType.TEXT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * Every shift closed in the period, in closing order, with its report: entries, exits, lost
 * tickets, takings in cash and otherwise, the cash expected in the drawer, the cash counted and
 * the difference. Shifts are read a page at a time along IX_SHIFT_CLOSED (CLOSED_AT, ID); a page's
 * figures are three grouped queries over the shift indexes (IX_PAYMENT_SHIFT, IX_SESSION_ENTRY_SHIFT,
 * IX_SESSION_EXIT_SHIFT), as the shift report reads them, never a query per shift.
 */
final class ShiftsReport extends StreamedReport {
    static final List<String> FILTERS = List.of("cashier");
    private static final int PAGE = 200;
    private static final Set<String> SUMMED = Set.of("openingCash", "entries", "exits", "lostTickets", "cash", "nonCash",
            "total", "cashExpected", "countedCash", "difference");
    private static final String SELECT = "SELECT CLOSED_AT, ID, USERNAME, OPENED_AT, OPENING_CASH, COUNTED_CASH"
            + " FROM PARKIR_SHIFT --DERBY-PROPERTIES index=IX_SHIFT_CLOSED\n";

    /** A page's figures per shift id. */
    private record Figures(Map<Long, Map<String, long[]>> payments, Map<Long, Long> entries, Map<Long, Long> lost) {
    }


    ShiftsReport(ReportContext c) {
        super("shifts", c, SUMMED, columns(c.text(), "shift", INTEGER, "cashier", TEXT, "openedAt", DATE_TIME,
                "closedAt", DATE_TIME, "openingCash", MONEY, "entries", INTEGER, "exits", INTEGER, "lostTickets", INTEGER,
                "cash", MONEY, "nonCash", MONEY, "total", MONEY, "cashExpected", MONEY, "countedCash", MONEY,
                "difference", MONEY));
    }

    @Override
    void stream(RowSink sink) throws IOException {
        List<Object> params = new ArrayList<>(List.of(c.period().end()));
        String conditions = "CLOSED_AT < ?" + c.filters().where(Map.of("cashier", "USERNAME"), params);
        KeysetRows pages = new KeysetRows(c.store(), c.reader(), SELECT, conditions, params, c.period().start(), "CLOSED_AT", "ID", false, PAGE);
        pages.forEachPage(ShiftsReport::figures, (rows, figures) -> {
            for (Object[] r : rows) {
                sink.row(row(r, figures));
            }
        });
    }

    private static Figures figures(EntityManager em, List<Object[]> rows) {
        List<Object> ids = rows.stream().map(r -> (Object) zeroIfNull(r[1])).toList();
        String in = " IN (" + ids.stream().map(i -> "?").collect(Collectors.joining(", ")) + ")";
        Map<Long, Map<String, long[]>> payments = new HashMap<>();
        for (Object[] r : ReportSql.rows(em, "SELECT SHIFT_ID, METHOD, COUNT(*), SUM(TOTAL) FROM PARKIR_PAYMENT WHERE SHIFT_ID" + in
                + " GROUP BY SHIFT_ID, METHOD", ids)) {
            payments.computeIfAbsent(zeroIfNull(r[0]), k -> new TreeMap<>())
                    .put((String) r[1], new long[] {zeroIfNull(r[2]), zeroIfNull(r[3])});
        }
        Map<Long, Long> entries = new HashMap<>();
        for (Object[] r : ReportSql.rows(em, "SELECT ENTRY_SHIFT, COUNT(*) FROM PARKIR_SESSION WHERE ENTRY_SHIFT" + in
                + " GROUP BY ENTRY_SHIFT", ids)) {
            entries.put(zeroIfNull(r[0]), zeroIfNull(r[1]));
        }
        List<Object> lostParams = new ArrayList<>(ids);
        lostParams.add(Boolean.TRUE);
        Map<Long, Long> lost = new HashMap<>();
        for (Object[] r : ReportSql.rows(em, "SELECT EXIT_SHIFT, COUNT(*) FROM PARKIR_SESSION WHERE EXIT_SHIFT" + in
                + " AND LOST_TICKET = ? GROUP BY EXIT_SHIFT", lostParams)) {
            lost.put(zeroIfNull(r[0]), zeroIfNull(r[1]));
        }
        return new Figures(payments, entries, lost);
    }

    private List<Object> row(Object[] r, Figures f) {
        long id = zeroIfNull(r[1]);
        Map<String, long[]> paid = f.payments().getOrDefault(id, Map.of());
        Map<String, Long> byMethod = new TreeMap<>();
        long exits = 0;
        for (Map.Entry<String, long[]> e : paid.entrySet()) {
            exits += e.getValue()[0];
            byMethod.put(e.getKey(), e.getValue()[1]);
        }
        long total = byMethod.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        long cash = byMethod.getOrDefault(Shifts.CASH, 0L);
        long opening = zeroIfNull(r[4]);
        long expected = Shifts.cashExpected(opening, byMethod);
        Long counted = number(r[5]);
        List<Object> row = new ArrayList<>(columns().size());
        row.add(id);
        row.add(r[2]);
        row.add(local(r[3]));
        row.add(local(r[0]));
        row.add(opening);
        row.add(f.entries().getOrDefault(id, 0L));
        row.add(exits);
        row.add(f.lost().getOrDefault(id, 0L));
        row.add(cash);
        row.add(total - cash);
        row.add(total);
        row.add(expected);
        row.add(counted);
        row.add(counted == null ? null : counted - expected);
        return row;
    }

    /** Shifts are few (a few dozen a day): the totals are the rows summed. */
    @Override
    List<Object> countTotals() {
        long[] sums = new long[columns().size()];
        try {
            stream(row -> add(sums, row));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return shape(sums);
    }
}

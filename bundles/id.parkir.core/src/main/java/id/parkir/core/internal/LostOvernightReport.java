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
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

/**
 * The paid exits of the period (by payment time) that were lost tickets or overnight stays, with
 * their fines and overnight charges. The payments' own index IX_PAYMENT_REPORT holds both flags,
 * so the database reads the period's stretch of it and fetches only these few payments, a page
 * at a time ({@link KeysetRows}); their stays' entry times are looked up by key per page.
 */
final class LostOvernightReport extends StreamedReport {
    private static final int PAGE = 500;
    private static final Set<String> SUMMED = Set.of("nights", "overnightCharge", "fine", "total");
    private static final String SELECT = "SELECT PAID_AT, ID, RECEIPT_NO, TICKET, PLATE, VEHICLE_TYPE, ZONE_CODE, GATE, SESSION_ID,"
            + " LOST_TICKET, NIGHTS, OVERNIGHT_CHARGE, FINE, TOTAL, METHOD, CASHIER"
            + " FROM PARKIR_PAYMENT --DERBY-PROPERTIES index=IX_PAYMENT_REPORT\n";
    static final Map<String, String> COLUMNS = Map.of("zone", "ZONE_CODE", "gate", "GATE",
            "vehicleType", "VEHICLE_TYPE", "method", "METHOD", "cashier", "CASHIER");


    LostOvernightReport(ReportContext c) {
        super("lost-overnight", c, SUMMED, columns(c.text(), "receipt", TEXT, "ticket", TEXT, "plate", TEXT,
                "vehicleType", TEXT, "zone", TEXT, "gate", TEXT, "entryTime", DATE_TIME, "paidAt", DATE_TIME,
                "lostTicket", TEXT, "nights", INTEGER, "overnightCharge", MONEY, "fine", MONEY, "total", MONEY,
                "method", TEXT, "cashier", TEXT));
    }

    /** The period's end, the two kinds of stay and the filters; the start is where the first page begins. */
    private String conditions(List<Object> params) {
        params.add(c.period().end());
        params.add(Boolean.TRUE);
        return "PAID_AT < ? AND (LOST_TICKET = ? OR NIGHTS > 0)" + c.filters().where(COLUMNS, params);
    }

    @Override
    void stream(RowSink sink) throws IOException {
        List<Object> params = new ArrayList<>();
        String conditions = conditions(params);
        KeysetRows pages = new KeysetRows(c.store(), c.reader(), SELECT, conditions, params, c.period().start(), "PAID_AT", "ID", false, PAGE);
        pages.forEachPage(LostOvernightReport::entries, (rows, entries) -> {
            for (Object[] r : rows) {
                sink.row(row(r, entries.get(zeroIfNull(r[8]))));
            }
        });
    }

    /** The entry times of a page's stays, by session id (primary key). */
    private static Map<Long, Long> entries(EntityManager em, List<Object[]> rows) {
        List<Object> ids = rows.stream().map(r -> (Object) zeroIfNull(r[8])).toList();
        Map<Long, Long> entries = new HashMap<>();
        for (Object[] r : ReportSql.rows(em, "SELECT ID, ENTRY_AT FROM PARKIR_SESSION WHERE ID IN ("
                + ids.stream().map(i -> "?").collect(Collectors.joining(", ")) + ")", ids)) {
            entries.put(zeroIfNull(r[0]), zeroIfNull(r[1]));
        }
        return entries;
    }

    private List<Object> row(Object[] r, Long entry) {
        List<Object> row = new ArrayList<>(columns().size());
        row.add(r[2]);
        row.add(r[3]);
        row.add(r[4]);
        row.add(c.text().value("type", (String) r[5]));
        row.add(r[6]);
        row.add(r[7]);
        row.add(local(entry));
        row.add(local(r[0]));
        row.add(flag(r[9]) ? c.text().get("yes") : null);
        row.add(number(r[10]));
        row.add(number(r[11]));
        row.add(number(r[12]));
        row.add(number(r[13]));
        row.add(c.text().value("method", (String) r[14]));
        row.add(r[15]);
        return row;
    }

    @Override
    List<Object> countTotals() {
        List<Object> params = new ArrayList<>(List.of(c.period().start()));
        String conditions = conditions(params);
        Object[] r = c.store().read(em -> ReportSql.rows(em, "SELECT SUM(NIGHTS), SUM(OVERNIGHT_CHARGE), SUM(FINE), SUM(TOTAL)"
                + " FROM PARKIR_PAYMENT WHERE PAID_AT >= ? AND " + conditions, params).get(0));
        long[] sums = new long[columns().size()];
        for (int i = 0; i < 4; i++) {
            sums[9 + i] = zeroIfNull(r[i]);
        }
        return shape(sums);
    }
}

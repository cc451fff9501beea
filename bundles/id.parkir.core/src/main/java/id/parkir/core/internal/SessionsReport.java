package id.parkir.core.internal;

import static id.parkir.api.report.ColumnType.DATE_TIME;
import static id.parkir.api.report.ColumnType.INTEGER;
import static id.parkir.api.report.ColumnType.MINUTES;
import static id.parkir.api.report.ColumnType.MONEY;
import static id.parkir.api.report.ColumnType.TEXT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row per stay that entered in the period, in entry order: ticket, plate, type, zone, gate,
 * times, who, the fee in its parts, method, receipt and cashier. Read with {@link KeysetRows} along
 * IX_SESSION_ENTRY_REPORT (ENTRY_AT, ID), 2,000 rows a read: a year of sessions streams in flat memory.
 */
final class SessionsReport extends StreamedReport {
    static final List<String> FILTERS = List.of("zone", "gate", "vehicleType", "method", "cashier");
    private static final Map<String, String> COLUMNS = Map.of("zone", "ZONE_CODE", "gate", "GATE",
            "vehicleType", "VEHICLE_TYPE", "method", "PAYMENT_METHOD", "cashier", "EXIT_BY");
    /** The longest period whose totals the database counts before the rows are written (a preview). */
    static final int COUNTED_DAYS = 31;
    private static final Set<String> SUMMED = Set.of("nights", "parking", "overnightCharge", "fine", "total");
    private static final String SELECT = "SELECT ENTRY_AT, ID, TICKET, PLATE, VEHICLE_TYPE, ZONE_CODE, GATE, ENTRY_BY, EXIT_AT,"
            + " STATUS, LOST_TICKET, NIGHTS, FINE, OVERNIGHT_CHARGE, TOTAL, PAYMENT_METHOD, RECEIPT_NO, EXIT_BY"
            + " FROM PARKIR_SESSION --DERBY-PROPERTIES index=IX_SESSION_ENTRY_REPORT\n";


    SessionsReport(ReportContext c) {
        super("sessions", c, SUMMED, columns(c.text(), "ticket", TEXT, "plate", TEXT, "vehicleType", TEXT, "zone", TEXT,
                "gate", TEXT, "entryTime", DATE_TIME, "enteredBy", TEXT, "exitTime", DATE_TIME, "duration", MINUTES,
                "status", TEXT, "lostTicket", TEXT, "nights", INTEGER, "parking", MONEY, "overnightCharge", MONEY,
                "fine", MONEY, "total", MONEY, "method", TEXT, "receipt", TEXT, "cashier", TEXT));
    }

    /** The period's end and the filters; the start is where the first page begins. */
    private String conditions(List<Object> params) {
        params.add(c.period().end());
        return "ENTRY_AT < ?" + c.filters().where(COLUMNS, params);
    }

    @Override
    void stream(RowSink sink) throws IOException {
        List<Object> params = new ArrayList<>();
        String conditions = conditions(params);
        KeysetRows pages = new KeysetRows(c.store(), c.reader(), SELECT, conditions, params, c.period().start(), "ENTRY_AT", "ID", false,
                KeysetRows.PAGE);
        pages.<Void>forEachPage(null, (rows, none) -> {
            for (Object[] r : rows) {
                sink.row(row(r));
            }
        });
    }

    private List<Object> row(Object[] r) {
        Long entry = number(r[0]);
        Long exit = number(r[8]);
        Long total = number(r[14]);
        Long fine = number(r[12]);
        Long overnight = number(r[13]);
        List<Object> row = new ArrayList<>(columns().size());
        row.add(r[2]);
        row.add(r[3]);
        row.add(c.text().value("type", (String) r[4]));
        row.add(r[5]);
        row.add(r[6]);
        row.add(local(entry));
        row.add(r[7]);
        row.add(local(exit));
        row.add(exit == null ? null : (exit - entry) / TimeGrid.MINUTE);
        row.add(c.text().value("status", (String) r[9]));
        row.add(flag(r[10]) ? c.text().get("yes") : null);
        row.add(number(r[11]));
        row.add(total == null ? null : total - zeroIfNull(fine) - zeroIfNull(overnight));
        row.add(overnight);
        row.add(fine);
        row.add(total);
        row.add(r[15] == null ? null : c.text().value("method", (String) r[15]));
        row.add(r[16]);
        row.add(r[17]);
        return row;
    }

    /**
     * The database sums the stays of the period from their rows (no index holds the fees): about a
     * second for a month of a busy site. A longer period's preview goes without totals; its
     * download sums them as the rows pass.
     */
    @Override
    List<Object> countTotals() {
        if (c.period().days() > COUNTED_DAYS) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(c.period().start()));
        String conditions = conditions(params);
        Object[] r = c.store().read(em -> ReportSql.rows(em, "SELECT SUM(NIGHTS), SUM(TOTAL), SUM(FINE), SUM(OVERNIGHT_CHARGE)"
                + " FROM PARKIR_SESSION WHERE ENTRY_AT >= ? AND " + conditions, params).get(0));
        long[] sums = new long[columns().size()];
        sums[11] = zeroIfNull(r[0]);
        sums[15] = zeroIfNull(r[1]);
        sums[14] = zeroIfNull(r[2]);
        sums[13] = zeroIfNull(r[3]);
        sums[12] = sums[15] - sums[14] - sums[13];
        return shape(sums);
    }
}

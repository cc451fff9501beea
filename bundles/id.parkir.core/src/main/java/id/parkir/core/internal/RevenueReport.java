package id.parkir.core.internal;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Revenue of the payments of a period (by the time they were paid, as the dashboard counts it),
 * per day or per payment method, vehicle type, cashier, zone or gate: payments, lost tickets,
 * overnight stays, parking fees, overnight charges and lost-ticket fines in columns of their own,
 * the revenue per payment method, the total. One GROUP BY over a stretch of IX_PAYMENT_REPORT,
 * which holds every column it reads: the cost follows the payments of the period, not the history.
 */
final class RevenueReport extends TableReport {
    static final List<String> FILTERS = List.of("zone", "gate", "vehicleType", "method", "cashier");
    static final List<String> GROUPINGS = List.of("day", "method", "vehicleType", "cashier", "zone", "gate");
    private static final Map<String, String> COLUMNS = Map.of("zone", "ZONE_CODE", "gate", "GATE",
            "vehicleType", "VEHICLE_TYPE", "method", "METHOD", "cashier", "CASHIER");

    /** One group's sums: payments, revenue, fines, overnight charges, lost tickets, overnight stays; revenue per method. */
    private static final class Sums {
        long payments;
        long total;
        long fine;
        long overnight;
        long lost;
        long nights;
        final Map<String, Long> byMethod = new TreeMap<>();

        void add(Object[] r, int at) {
            String method = (String) r[at];
            long revenue = zeroIfNull(r[at + 2]);
            payments += zeroIfNull(r[at + 1]);
            total = Math.addExact(total, revenue);
            fine = Math.addExact(fine, zeroIfNull(r[at + 3]));
            overnight = Math.addExact(overnight, zeroIfNull(r[at + 4]));
            lost += zeroIfNull(r[at + 5]);
            nights += zeroIfNull(r[at + 6]);
            byMethod.merge(method, revenue, Math::addExact);
        }
    }

    RevenueReport(ReportContext c) {
        super("revenue", c);
    }


    @Override
    Table build() {
        boolean daily = "day".equals(c.by());
        ReportPeriod p = c.period();
        long unit = TimeGrid.unit(p.zone(), p.start(), p.end(), TimeGrid.DAY);
        Map<Object, Sums> groups = daily ? new LinkedHashMap<>() : new TreeMap<>(Comparator.comparing(this::label));
        if (daily) {
            p.dates().forEach(d -> groups.put(d, new Sums()));
        }
        TreeSet<String> methods = new TreeSet<>();
        c.store().read(em -> {
            List<Object> params = new ArrayList<>();
            String dim = daily ? "(PAID_AT - ?) / " + unit : COLUMNS.get(c.by());
            if (daily) {
                params.add(p.start());
            }
            params.add(Boolean.TRUE);
            params.add(p.start());
            params.add(p.end());
            String where = c.filters().where(COLUMNS, params);
            for (Object[] r : ReportSql.rows(em, "SELECT K, M, COUNT(*), SUM(TOTAL), SUM(FINE), SUM(OVERNIGHT_CHARGE), SUM(L), SUM(N)"
                    + " FROM (SELECT " + dim + " AS K, METHOD AS M, TOTAL, FINE, OVERNIGHT_CHARGE,"
                    + " CASE WHEN LOST_TICKET = ? THEN 1 ELSE 0 END AS L, CASE WHEN NIGHTS > 0 THEN 1 ELSE 0 END AS N"
                    + " FROM PARKIR_PAYMENT WHERE PAID_AT >= ? AND PAID_AT < ?" + where + ") T GROUP BY K, M", params)) {
                Object key = daily ? Instant.ofEpochMilli(p.start() + zeroIfNull(r[0]) * unit).atZone(p.zone()).toLocalDate()
                        : r[0] == null ? "" : r[0];
                groups.computeIfAbsent(key, k -> new Sums()).add(r, 1);
                methods.add((String) r[1]);
            }
            return null;
        });
        // the revenue per method in columns of its own, unless the rows are the methods
        return table(groups, daily, "method".equals(c.by()) ? List.of() : List.copyOf(methods));
    }

    private Table table(Map<Object, Sums> groups, boolean daily, List<String> perMethod) {
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(daily ? column("date", ColumnType.DATE) : column(c.by(), ColumnType.TEXT));
        for (String k : List.of("transactions", "lostTickets", "overnightStays")) {
            columns.add(column(k, ColumnType.INTEGER));
        }
        for (String k : List.of("parking", "overnightCharge", "fine")) {
            columns.add(column(k, ColumnType.MONEY));
        }
        for (String m : perMethod) {
            columns.add(new ReportColumn("method." + m, c.text().value("method", m), ColumnType.MONEY));
        }
        columns.add(column("total", ColumnType.MONEY));
        List<List<Object>> rows = new ArrayList<>();
        Sums all = new Sums();
        List<String> labels = new ArrayList<>();
        List<Long> revenue = new ArrayList<>();
        for (Map.Entry<Object, Sums> g : groups.entrySet()) {
            Sums s = g.getValue();
            rows.add(row(daily ? g.getKey() : label(g.getKey()), s, perMethod));
            all.payments += s.payments;
            all.total = Math.addExact(all.total, s.total);
            all.fine += s.fine;
            all.overnight += s.overnight;
            all.lost += s.lost;
            all.nights += s.nights;
            s.byMethod.forEach((m, v) -> all.byMethod.merge(m, v, Math::addExact));
            labels.add(daily ? ((LocalDate) g.getKey()).toString() : label(g.getKey()));
            revenue.add(s.total);
        }
        ReportChart chart = new ReportChart(c.text().get("chart.revenue"), labels,
                List.of(new ReportChart.Series(c.text().get("col.total"), revenue)));
        return new Table(columns, rows, row(null, all, perMethod), chart);
    }

    private static List<Object> row(Object key, Sums s, List<String> methods) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        row.add(s.payments);
        row.add(s.lost);
        row.add(s.nights);
        row.add(s.total - s.fine - s.overnight);
        row.add(s.overnight);
        row.add(s.fine);
        for (String m : methods) {
            row.add(s.byMethod.getOrDefault(m, 0L));
        }
        row.add(s.total);
        return row;
    }

    /** A group's name in the report's words (a vehicle type, a method); payments from before 0.4 have none recorded. */
    private String label(Object key) {
        String k = (String) key;
        if (k.isEmpty()) {
            return c.text().get("unknown");
        }
        return "vehicleType".equals(c.by()) ? c.text().value("type", k) : "method".equals(c.by()) ? c.text().value("method", k) : k;
    }
}

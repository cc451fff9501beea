package id.parkir.core.internal;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;

/**
 * Traffic of a period per day, or per hour of the day over the period: entries (by entry time),
 * exits (by the exit time the fee was counted to), the average and median stay of the vehicles
 * that left, and the peak occupancy (counted at the end of every minute) with when it was reached.
 * The database counts, a month at a time: entries and exits per minute (IX_SESSION_ENTRY_REPORT,
 * IX_SESSION_EXIT_REPORT, each holding the filters' columns) and the exits per group and minute of
 * stay (a histogram, from which the median is read); the vehicles inside at the start come from
 * {@link Occupancy}. Java gives each minute its local day and hour, and sweeps the minutes for the peaks.
 */
final class TrafficReport extends TableReport {
    static final List<String> FILTERS = List.of("zone", "gate", "vehicleType");
    static final List<String> GROUPINGS = List.of("day", "hour");
    private static final int PART_DAYS = 31;

    /** One row's counts: entries, exits, stays (minutes to exits, and their exact sum), the peak and its minute. */
    private static final class Group {
        long entries;
        long exits;
        long stayMillis;
        final TreeMap<Long, Long> stays = new TreeMap<>();
        long peak = Long.MIN_VALUE;
        long peakAt;

        void peak(long inside, long at) {
            if (inside > peak) {
                peak = inside;
                peakAt = at;
            }
        }

        void merge(Group g) {
            entries += g.entries;
            exits += g.exits;
            stayMillis += g.stayMillis;
            g.stays.forEach((d, n) -> stays.merge(d, n, Long::sum));
            if (g.peak > peak) {
                peak = g.peak;
                peakAt = g.peakAt;
            }
        }

        Long average() {
            return exits == 0 ? null : Math.round(stayMillis / (double) exits / TimeGrid.MINUTE);
        }

        /** The middle stay (the lower of the two middle ones for an even count), in whole minutes. */
        Long median() {
            long seen = 0;
            long half = (exits + 1) / 2;
            for (Map.Entry<Long, Long> e : stays.entrySet()) {
                seen += e.getValue();
                if (seen >= half) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    TrafficReport(ReportContext c) {
        super("traffic", c);
    }


    @Override
    Table build() {
        boolean daily = "day".equals(c.by());
        ReportPeriod period = c.period();
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < (daily ? period.days() : 24); i++) {
            groups.add(new Group());
        }
        long now = Sessions.now().toEpochMilli();
        long[] inside = {c.store().read(em -> Occupancy.insideAt(em, period.start(), now, c.filters()))};
        for (ReportPeriod part : period.parts(PART_DAYS)) {
            inside[0] = c.store().read(em -> count(em, part, groups, daily, inside[0]));
        }
        return table(groups, daily);
    }

    /** Counts one part of the period into the groups; answers the vehicles inside at its end. */
    private long count(EntityManager em, ReportPeriod part, List<Group> groups, boolean daily, long insideAtStart) {
        int minutes = (int) ((part.end() - part.start()) / TimeGrid.MINUTE);
        long[] in = perMinute(em, "ENTRY_AT", part, minutes);
        long[] out = perMinute(em, "EXIT_AT", part, minutes);
        long inside = insideAtStart;
        int last = -1;
        for (int m = 0; m < minutes; m++) {
            long at = part.start() + m * TimeGrid.MINUTE;
            int g = group(at, daily);
            Group group = groups.get(g);
            if (g != last) {
                group.peak(inside, at); // the vehicles inside as the day (hour) begins
                last = g;
            }
            group.entries += in[m];
            group.exits += out[m];
            inside += in[m] - out[m];
            group.peak(inside, at);
        }
        stays(em, part, groups, daily);
        return inside;
    }

    /** Index of the group of a moment: its day in the period, or its local hour. */
    private int group(long at, boolean daily) {
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(c.period().zone());
        return daily ? (int) (local.toLocalDate().toEpochDay() - c.period().from().toEpochDay()) : local.getHour();
    }

    private long[] perMinute(EntityManager em, String column, ReportPeriod part, int minutes) {
        List<Object> params = new ArrayList<>(List.of(part.start(), part.start(), part.end()));
        String where = c.filters().where(Occupancy.SESSION_COLUMNS, params);
        long[] counts = new long[minutes];
        for (Object[] r : ReportSql.rows(em, "SELECT M, COUNT(*) FROM (SELECT (" + column + " - ?) / " + TimeGrid.MINUTE
                + " AS M FROM PARKIR_SESSION WHERE " + column + " >= ? AND " + column + " < ?" + where + ") T GROUP BY M", params)) {
            counts[(int) zeroIfNull(r[0])] = zeroIfNull(r[1]);
        }
        return counts;
    }

    /**
     * The stays of the part's exits, grouped by the unit in which each group lies in one local day
     * (hour), and by whole minutes of stay: few rows however many exits. Hours of the day are folded
     * by the database where the zone keeps one offset throughout the part.
     */
    private void stays(EntityManager em, ReportPeriod part, List<Group> groups, boolean daily) {
        boolean fold = !daily && TimeGrid.fixedOffset(part.zone(), part.start(), part.end());
        long unit = fold ? TimeGrid.HOUR : TimeGrid.unit(part.zone(), part.start(), part.end(), daily ? TimeGrid.DAY : TimeGrid.HOUR);
        String bucket = fold ? "MOD((EXIT_AT - ?) / " + unit + ", 24)" : "(EXIT_AT - ?) / " + unit;
        List<Object> params = new ArrayList<>(List.of(part.start(), part.start(), part.end()));
        String where = c.filters().where(Occupancy.SESSION_COLUMNS, params);
        for (Object[] r : ReportSql.rows(em, "SELECT G, D, COUNT(*), SUM(S) FROM (SELECT " + bucket + " AS G,"
                + " (EXIT_AT - ENTRY_AT) / " + TimeGrid.MINUTE + " AS D, EXIT_AT - ENTRY_AT AS S FROM PARKIR_SESSION"
                + " WHERE EXIT_AT >= ? AND EXIT_AT < ?" + where + ") T GROUP BY G, D", params)) {
            long g = zeroIfNull(r[0]);
            Group group = groups.get(fold ? (int) g : group(part.start() + g * unit, daily));
            group.stays.merge(zeroIfNull(r[1]), zeroIfNull(r[2]), Long::sum);
            group.stayMillis += zeroIfNull(r[3]);
        }
    }

    private Table table(List<Group> groups, boolean daily) {
        List<ReportColumn> columns = List.of(daily ? column("date", ColumnType.DATE) : column("hour", ColumnType.TEXT),
                column("entries", ColumnType.INTEGER), column("exits", ColumnType.INTEGER),
                column("averageStay", ColumnType.MINUTES), column("medianStay", ColumnType.MINUTES),
                column("peakOccupancy", ColumnType.INTEGER), column("peakAt", ColumnType.DATE_TIME));
        List<List<Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        List<Long> exits = new ArrayList<>();
        Group all = new Group();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            Object key = daily ? c.period().from().plusDays(i) : String.format("%02d:00", i);
            rows.add(row(key, g));
            all.merge(g);
            labels.add(key.toString());
            entries.add(g.entries);
            exits.add(g.exits);
        }
        ReportChart chart = new ReportChart(c.text().get("chart.traffic"), labels, List.of(
                new ReportChart.Series(c.text().get("col.entries"), entries), new ReportChart.Series(c.text().get("col.exits"), exits)));
        return new Table(columns, rows, row(null, all), chart);
    }

    private List<Object> row(Object key, Group g) {
        LocalDateTime peakAt = g.peak == Long.MIN_VALUE ? null : local(g.peakAt);
        List<Object> row = new ArrayList<>();
        row.add(key);
        row.add(g.entries);
        row.add(g.exits);
        row.add(g.average());
        row.add(g.median());
        row.add(g.peak == Long.MIN_VALUE ? null : Math.max(0, g.peak));
        row.add(peakAt);
        return row;
    }
}

package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The activity log of the period, newest first, with the filters of its search screen (user,
 * action, text in the detail): read a page at a time along the log's own newest-first indexes
 * (V3: time; user and time; action and time), as the search reads them. The text has no index: as
 * in the search, it is compared within at most {@link #TEXT_DAYS} days.
 */
final class ActivityReport extends StreamedReport {
    static final List<String> FILTERS = List.of("user", "action", "q");
    static final int TEXT_DAYS = 31;

    private final List<ReportColumn> columns;

    ActivityReport(ReportContext c) {
        super("activity", c);
        if (c.filters().has("q") && c.period().days() > TEXT_DAYS) {
            throw ParkirException.invalid("period_too_long", "a text search (q) covers at most " + TEXT_DAYS
                    + " days: choose a shorter period");
        }
        columns = List.of(column("time", ColumnType.DATE_TIME), column("user", ColumnType.TEXT), column("action", ColumnType.TEXT),
                column("detail", ColumnType.TEXT));
    }

    @Override
    public List<ReportColumn> columns() {
        return columns;
    }

    @Override
    Set<String> summed() {
        return Set.of();
    }

    @Override
    void stream(RowSink sink) throws IOException {
        ReportFilters f = c.filters();
        List<Object> params = new ArrayList<>(List.of(c.period().start()));
        StringBuilder where = new StringBuilder("AT_MILLIS >= ?");
        where.append(f.where(Map.of("user", "USERNAME", "action", "EVENT"), params));
        if (f.has("q")) {
            where.append(" AND LOWER(DETAIL) LIKE ? ESCAPE '!'");
            params.add("%" + f.get("q").toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        String index = f.has("user") ? "IX_ACTIVITY_USER_AT_DESC" : f.has("action") ? "IX_ACTIVITY_EVENT_AT_DESC" : "IX_ACTIVITY_AT_DESC";
        String select = "SELECT AT_MILLIS, ID, USERNAME, EVENT, DETAIL FROM PARKIR_ACTIVITY --DERBY-PROPERTIES index=" + index + "\n";
        KeysetRows pages = new KeysetRows(c.store(), select, where.toString(), params, c.period().end(), "AT_MILLIS", "ID", true,
                KeysetRows.PAGE);
        pages.<Void>forEachPage(null, (rows, none) -> {
            for (Object[] r : rows) {
                List<Object> row = new ArrayList<>(4);
                row.add(local(r[0]));
                row.add(r[2]);
                row.add(r[3]);
                row.add(r[4]);
                sink.row(row);
            }
        });
    }

    @Override
    List<Object> countTotals() {
        return List.of();
    }
}

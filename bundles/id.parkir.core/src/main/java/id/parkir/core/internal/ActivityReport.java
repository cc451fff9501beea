package id.parkir.core.internal;

import static id.parkir.api.report.ColumnType.DATE_TIME;
import static id.parkir.api.report.ColumnType.TEXT;

import id.parkir.api.ParkirException;
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


    ActivityReport(ReportContext c) {
        super("activity", c, Set.of(), columns(c.text(), "time", DATE_TIME, "user", TEXT, "action", TEXT, "detail", TEXT));
        if (c.filters().has("q") && c.period().days() > TEXT_DAYS) {
            throw ParkirException.invalid("period_too_long", "a text search (q) covers at most " + TEXT_DAYS
                    + " days: choose a shorter period");
        }
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
        KeysetRows pages = new KeysetRows(c.store(), c.reader(), select, where.toString(), params, c.period().end(), "AT_MILLIS", "ID", true,
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

package id.parkir.core.internal;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What all report kinds share: their description, and rows handed over once. */
abstract class AbstractReport implements Report {
    final ReportContext c;
    private final String kind;
    private boolean read;

    AbstractReport(String kind, ReportContext c) {
        this.kind = kind;
        this.c = c;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String title() {
        return c.text().get("title." + kind);
    }

    @Override
    public String siteName() {
        return c.siteName();
    }

    @Override
    public LocalDate from() {
        return c.period().from();
    }

    @Override
    public LocalDate to() {
        return c.period().to();
    }

    @Override
    public ZoneId zone() {
        return c.period().zone();
    }

    @Override
    public Map<String, String> filters() {
        Map<String, String> labels = new LinkedHashMap<>();
        if (c.by() != null) {
            labels.put(c.text().get("filter.by"), c.text().get("by." + c.by()));
        }
        labels.putAll(c.filters().labels(c.text()));
        return labels;
    }

    @Override
    public final void rows(RowSink sink) throws IOException {
        synchronized (this) {
            if (read) {
                throw new IllegalStateException("a report's rows are read once");
            }
            read = true;
        }
        write(sink);
    }

    abstract void write(RowSink sink) throws IOException;

    ReportColumn column(String key, ColumnType type) {
        return new ReportColumn(key, c.text().get("col." + key), type);
    }

    /** Columns from pairs of key and type, titled in the report's words. */
    static List<ReportColumn> columns(ReportText text, Object... keysAndTypes) {
        List<ReportColumn> columns = new ArrayList<>();
        for (int i = 0; i < keysAndTypes.length; i += 2) {
            String key = (String) keysAndTypes[i];
            columns.add(new ReportColumn(key, text.get("col." + key), (ColumnType) keysAndTypes[i + 1]));
        }
        return columns;
    }

    /** A stored time (epoch milliseconds) as the site's local date and time; null stays null. */
    LocalDateTime local(Object millis) {
        return millis == null ? null
                : LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(((Number) millis).longValue()), zone());
    }

    static Long number(Object n) {
        return n == null ? null : ((Number) n).longValue();
    }

    static long zeroIfNull(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }

    /** A flag as the database returns it: BOOLEAN on PostgreSQL, SMALLINT on Derby. */
    static boolean flag(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }
}

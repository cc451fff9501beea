package id.parkir.core.internal;

import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A report of sums (revenue, traffic): the database aggregates the period into a few rows per day
 * at most, which are built once, when the report is first asked for its columns, rows or totals.
 */
abstract class TableReport extends AbstractReport {
    /** The whole report: a row per day (or group), the totals and the chart. */
    record Table(List<ReportColumn> columns, List<List<Object>> rows, List<Object> totals, ReportChart chart) {
    }

    private Table table;

    TableReport(String kind, ReportContext c) {
        super(kind, c);
    }

    abstract Table build();

    final synchronized Table table() {
        if (table == null) {
            table = build();
        }
        return table;
    }

    @Override
    public List<ReportColumn> columns() {
        return table().columns();
    }

    @Override
    void write(RowSink sink) throws IOException {
        for (List<Object> row : table().rows()) {
            sink.row(row);
        }
    }

    @Override
    public List<Object> totals() {
        return table().totals();
    }

    @Override
    public Optional<ReportChart> chart() {
        return Optional.ofNullable(table().chart());
    }
}

package id.parkir.core.internal;

import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A report of rows (sessions, lost tickets and overnight stays, shifts, the activity log), read a
 * page at a time as they are written. Its totals are summed from the rows as they pass; asked
 * before all rows were written (a preview), they are counted by the database instead.
 */
abstract class StreamedReport extends AbstractReport {
    private final List<ReportColumn> columns;
    /** The keys of the columns that are summed into the totals; none: the report has no totals row. */
    private final Set<String> summed;
    private long[] sums;
    private boolean complete;

    StreamedReport(String kind, ReportContext c, Set<String> summed, List<ReportColumn> columns) {
        super(kind, c);
        this.summed = Set.copyOf(summed);
        this.columns = List.copyOf(columns);
    }

    @Override
    public List<ReportColumn> columns() {
        return columns;
    }

    /** Hands every row to {@code sink}, a page at a time. */
    abstract void stream(RowSink sink) throws IOException;

    /** The totals counted by the database (same shape as {@link #totals()}), for a report not yet written. */
    abstract List<Object> countTotals();

    @Override
    final void write(RowSink sink) throws IOException {
        long[] s = new long[columns.size()];
        stream(row -> {
            add(s, row);
            sink.row(row);
        });
        synchronized (this) {
            sums = s;
            complete = true;
        }
    }

    /** Adds a row's figures to {@code sums}, column by column. */
    static void add(long[] sums, List<Object> row) {
        for (int i = 0; i < sums.length; i++) {
            if (row.get(i) instanceof Number n) {
                sums[i] = Math.addExact(sums[i], n.longValue());
            }
        }
    }

    @Override
    public List<Object> totals() {
        if (summed.isEmpty()) {
            return List.of();
        }
        long[] s;
        synchronized (this) {
            s = complete ? Arrays.copyOf(sums, sums.length) : null;
        }
        return s == null ? countTotals() : shape(s);
    }

    /** The summed columns' values, null in the others. */
    List<Object> shape(long[] values) {
        List<Object> totals = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            totals.add(summed.contains(columns.get(i).key()) ? values[i] : null);
        }
        return totals;
    }
}

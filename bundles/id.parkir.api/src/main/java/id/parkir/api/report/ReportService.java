package id.parkir.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The back office's reports over a period of the site's days: revenue, traffic, sessions, lost
 * tickets and overnight stays, shifts and the activity log. Aggregates are counted by the
 * database; row reports are read in short pages as they are written, so a year of sessions is
 * never held in memory. Every method checks the whole request first and answers a bad one with
 * {@link id.parkir.api.ParkirException} {@code INVALID} (400) and a snake_case code naming what to
 * fix ({@code report_kind_unknown} is {@code NOT_FOUND}, 404).
 */
public interface ReportService {
    /** The most rows a preview carries. */
    int PREVIEW_ROWS = 200;

    /** The kinds of report, in the order a screen lists them ({@code revenue}, {@code traffic}, ...). */
    List<ReportKind> kinds();

    /** The exporters installed now, by format id. */
    List<ReportFormat> formats();

    /** The report asked for, checked; its rows are read when {@link Report#rows} is called (once). */
    Report report(ReportRequest request);

    /**
     * The report as a document of an installed format, checked before anything is written: 400
     * {@code report_format_unknown} naming the installed formats, 503 {@code report_exporter_missing}
     * when none is installed.
     */
    Download download(ReportRequest request, String format);

    /** The first {@code maxRows} rows (at most {@link #PREVIEW_ROWS}), the totals and the chart, for a screen. */
    Preview preview(ReportRequest request, int maxRows);

    /** A report about to be written as one format. */
    interface Download {
        Report report();

        ReportFormat format();

        /** A file name safe everywhere, e.g. {@code parkir-revenue-2026-11-01_2026-11-30.xlsx}. */
        String fileName();

        /** Writes the document as its rows are read (does not close {@code out}). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The start of a report: values as {@link ColumnType} says; {@code more} when rows were left out. */
    record Preview(Report report, List<List<Object>> rows, boolean more, List<Object> totals, ReportChart chart) {
        public Preview {
            rows = List.copyOf(rows);
            totals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(totals));
        }
    }
}

package id.parkir.api.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A report as the exporters see it: what it is (site, period, filters), its typed columns, its rows
 * handed over one at a time and never all held in memory, its totals and perhaps a chart.
 */
public interface Report {
    /** {@code revenue}, {@code traffic}, {@code sessions}, {@code shifts}, ... */
    String kind();

    /** Title in the report's language, e.g. "Laporan Pendapatan". */
    String title();

    String siteName();

    /** First and last day of the period (inclusive), days of the site's time zone. */
    LocalDate from();

    LocalDate to();

    ZoneId zone();

    /** The filters applied, label to value, in order (e.g. "Zona" to "A"); empty when none. */
    Map<String, String> filters();

    List<ReportColumn> columns();

    /**
     * Hands every row, in order, to {@code sink}; each row has one value per column, of the
     * column's type (see {@link ColumnType}). May be called once only; rows are fetched in pages
     * as they are written, so a year of sessions never sits in memory.
     */
    void rows(RowSink sink) throws IOException;

    /** One value per column (null where a total makes no sense); empty when the report has no totals row. */
    List<Object> totals();

    /** A chart of the report, for the formats that can draw one. */
    default Optional<ReportChart> chart() {
        return Optional.empty();
    }

    /** Receives the rows of a report. */
    @FunctionalInterface
    interface RowSink {
        void row(List<Object> values) throws IOException;
    }
}

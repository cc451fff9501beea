package id.parkir.report.csv.internal;

import id.parkir.api.PluginProperties;
import id.parkir.api.report.ColumnType;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportColumn;
import id.parkir.api.report.ReportExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Component;

/**
 * A report as CSV, for spreadsheets and scripts. RFC 4180 (commas, CRLF, quotes where needed), UTF-8
 * with a byte-order mark so Excel reads the Indonesian text right.
 * <ul>
 * <li>Row 1 holds the column <em>titles</em> (what a person opens the file for); the stable keys are in
 * {@link ReportColumn#key()} and the JSON API. No title block: the file stays one plain table.</li>
 * <li>Then one line per row, then the totals line (when the report has totals), labelled
 * {@value #TOTAL_LABEL} in the first text column that has no total of its own (else the first column
 * without one: a report by day has no text column).</li>
 * <li>Values: dates {@code yyyy-MM-dd}, date-times {@code yyyy-MM-dd HH:mm} (site time), money and
 * counts as plain integers (no "Rp", no separators), decimals with a dot, nothing for null (or for a
 * decimal that is not a number).</li>
 * <li>Formula injection: a text cell starting with {@code = + - @}, tab or CR gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it (a plate typed as
 * {@code =HYPERLINK(...)} stays harmless). Numbers are never prefixed.</li>
 * </ul>
 * Rows go out through an 8 KiB buffer as they arrive: memory does not grow with the report.
 */
@Component(property = {PluginProperties.ID + "=csv", PluginProperties.NAME + "=CSV (UTF-8, Excel)"})
public class CsvReportExporter implements ReportExporter {
    static final String TOTAL_LABEL = "Total";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<ReportColumn> columns = report.columns();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        // not closed: that would close the caller's stream
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        List<String> titles = new ArrayList<>(columns.size());
        for (ReportColumn column : columns) {
            titles.add(text(column.title()));
        }
        printer.printRecord(titles);
        report.rows(values -> printer.printRecord(cells(columns, values)));
        List<Object> totals = report.totals();
        if (!totals.isEmpty()) {
            List<String> cells = cells(columns, totals);
            int label = labelColumn(columns, totals);
            if (label >= 0) {
                cells.set(label, TOTAL_LABEL);
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static List<String> cells(List<ReportColumn> columns, List<Object> values) {
        List<String> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            cells.add(cell(columns.get(i).type(), i < values.size() ? values.get(i) : null));
        }
        return cells;
    }

    /**
     * Where the totals line says what it is: the first text column without a total, else the first
     * column without one; -1 if none.
     */
    static int labelColumn(List<ReportColumn> columns, List<Object> totals) {
        int free = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (i >= totals.size() || totals.get(i) == null) {
                if (columns.get(i).type() == ColumnType.TEXT) {
                    return i;
                }
                free = free < 0 ? i : free;
            }
        }
        return free;
    }

    static String cell(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        switch (type) {
            case DATE:
                return ((LocalDate) value).toString();
            case DATE_TIME:
                return DATE_TIME.format((LocalDateTime) value);
            case DECIMAL:
                double d = ((Number) value).doubleValue();
                // an average over nothing may come as NaN: an empty cell, not a text a spreadsheet cannot sum
                return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "";
            case INTEGER:
            case MONEY:
            case MINUTES:
                return Long.toString(((Number) value).longValue());
            default:
                return text(value.toString());
        }
    }

    /** Text as typed, but never read as a formula: see the class comment. */
    static String text(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}

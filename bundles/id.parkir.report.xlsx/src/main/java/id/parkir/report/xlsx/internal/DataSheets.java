package id.parkir.report.xlsx.internal;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The table sheets of a workbook, filled one row at a time with flat memory: rows are flushed to
 * the stream every {@value #FLUSH_EVERY} rows, text is written inline (the shared-strings table
 * would keep every distinct ticket and plate in memory), and styles are set once per column per
 * batch instead of per cell. Excel stops at 1,048,576 rows a sheet, so after
 * {@value #ROWS_PER_SHEET} rows a new sheet "Data 2", "Data 3", ... begins (a year of sessions
 * takes four).
 * <p>
 * Each sheet: a title block (site, title, period, one line per filter), a blank line, the header of
 * column titles (bold, frozen so it stays on screen), the rows; after the last row of the last
 * sheet, the totals row as values (formulas would carry no cached value for readers that do not
 * calculate), labelled {@value #TOTAL_LABEL} (see {@link #labelColumn}). Figures are
 * real numbers (money as {@code "Rp" #,##0}), dates real dates.
 */
final class DataSheets {
    static final int ROWS_PER_SHEET = 1_000_000;
    static final int FLUSH_EVERY = 500;
    static final String TOTAL_LABEL = "Total";
    static final String MONEY_FORMAT = "\"Rp\" #,##0";
    private static final String HEADER_FILL = "D9E2F3";
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Workbook workbook;
    private final Report report;
    private final List<ReportColumn> columns;
    private final int rowsPerSheet;
    private Worksheet sheet;
    private int sheets;
    private int header;
    private int next;
    private int batchStart;
    private int rowsInSheet;

    DataSheets(Workbook workbook, Report report, int rowsPerSheet) {
        this.workbook = workbook;
        this.report = report;
        this.columns = report.columns();
        this.rowsPerSheet = rowsPerSheet;
    }

    void row(List<Object> values) throws IOException {
        if (sheet == null || rowsInSheet == rowsPerSheet) {
            newSheet();
        }
        write(next++, values);
        rowsInSheet++;
        if (next - batchStart >= FLUSH_EVERY) {
            flush();
        }
    }

    /** The totals row (when the report has totals), and the end of the last sheet. */
    void finish(List<Object> totals) throws IOException {
        if (sheet == null) {
            newSheet();
        }
        flush();
        if (!totals.isEmpty()) {
            int r = next++;
            write(r, totals);
            int label = labelColumn(columns, totals);
            if (label >= 0) {
                sheet.value(r, label, TOTAL_LABEL);
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.style(r, c).bold().borderStyle(BorderSide.TOP, BorderStyle.THIN)
                        .format(format(columns.get(c).type())).set();
            }
        }
        sheet.finish();
    }

    /**
     * Where the totals row says what it is: the first text column without a total, else the first
     * column without one (a report by day has no text); -1 if none.
     */
    static int labelColumn(List<ReportColumn> columns, List<Object> totals) {
        int free = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (c >= totals.size() || totals.get(c) == null) {
                if (columns.get(c).type() == ColumnType.TEXT) {
                    return c;
                }
                free = free < 0 ? c : free;
            }
        }
        return free;
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            flush();
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? "Data" : "Data " + sheets);
        int r = 0;
        sheet.value(r, 0, report.siteName());
        sheet.style(r++, 0).bold().fontSize(14).set();
        sheet.value(r, 0, report.title());
        sheet.style(r++, 0).bold().fontSize(12).set();
        sheet.value(r++, 0, "Periode: " + PERIOD.format(report.from()) + " s.d. " + PERIOD.format(report.to()));
        for (Map.Entry<String, String> filter : report.filters().entrySet()) {
            sheet.value(r++, 0, filter.getKey() + ": " + filter.getValue());
        }
        header = r + 1;
        for (int c = 0; c < columns.size(); c++) {
            ReportColumn column = columns.get(c);
            sheet.value(header, c, column.title());
            sheet.width(c, Math.min(60, Math.max(width(column.type()), column.title().length() + 3)));
        }
        sheet.range(header, 0, header, columns.size() - 1).style().bold().fillColor(HEADER_FILL)
                .borderStyle(BorderSide.BOTTOM, BorderStyle.THIN).wrapText(true).set();
        sheet.freezePane(0, header + 1);
        next = header + 1;
        batchStart = next;
        rowsInSheet = 0;
    }

    private void write(int r, List<Object> values) {
        for (int c = 0; c < columns.size(); c++) {
            Object v = c < values.size() ? values.get(c) : null;
            if (v == null) {
                continue;
            }
            switch (columns.get(c).type()) {
                case DATE:
                    sheet.value(r, c, (LocalDate) v);
                    break;
                case DATE_TIME:
                    sheet.value(r, c, (LocalDateTime) v);
                    break;
                case TEXT:
                    sheet.inlineString(r, c, v.toString());
                    break;
                case DECIMAL:
                    // NaN or infinity (an average over nothing) would make the sheet unreadable: left empty
                    if (Double.isFinite(((Number) v).doubleValue())) {
                        sheet.value(r, c, (Number) v);
                    }
                    break;
                default:
                    sheet.value(r, c, (Number) v);
            }
        }
    }

    /** Number formats for the rows written since the last flush (one style call a column), then out they go. */
    private void flush() throws IOException {
        if (next > batchStart) {
            for (int c = 0; c < columns.size(); c++) {
                String format = format(columns.get(c).type());
                if (format != null) {
                    sheet.range(batchStart, c, next - 1, c).style().format(format).set();
                }
            }
        }
        sheet.flush();
        batchStart = next;
    }

    static String format(ColumnType type) {
        switch (type) {
            case MONEY:
                return MONEY_FORMAT;
            case INTEGER:
            case MINUTES:
                return "#,##0";
            case DECIMAL:
                return "#,##0.00";
            case DATE:
                return "dd/mm/yyyy";
            case DATE_TIME:
                return "dd/mm/yyyy hh:mm";
            default:
                return null;
        }
    }

    private static int width(ColumnType type) {
        switch (type) {
            case TEXT:
                return 22;
            case DATE_TIME:
                return 17;
            case MONEY:
                return 16;
            default:
                return 12;
        }
    }
}

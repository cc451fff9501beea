package id.parkir.report.testkit;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small report with every {@link ColumnType}, empty cells (and a NaN average), Indonesian text,
 * values that a spreadsheet would take for formulas, a chart and totals: the input the exporters'
 * tests write and read back. Its constants are what those tests look for in the output.
 */
public final class SampleReport extends FixedReport {
    public static final String SITE = "Parkir Mal Kelapa Gading";
    public static final String TITLE = "Laporan Pendapatan";
    public static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate TO = LocalDate.of(2026, 1, 31);
    public static final String ZONE_FILTER = "Zona";
    public static final String ZONE_VALUE = "A (lantai dasar)";
    /** Cells that start like a formula; the CSV and XLSX must keep them as plain text. */
    public static final String FORMULA = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
    public static final String PLUS = "+62 812-3456-7890";
    public static final String MINUS = "-2+3";
    public static final String AT = "@SUM(A1:A9)";
    public static final String TAB = "\tmasuk";
    public static final String CR = "\rkeluar";
    public static final String INDONESIAN = "Kendaraan menginap, tiket hilang — denda dibayar tunai";
    public static final long MONEY_1 = 1_500_000;
    public static final long MONEY_2 = 25_000;
    public static final long MONEY_3 = 7_000;
    public static final long MONEY_TOTAL = MONEY_1 + MONEY_2 + MONEY_3;
    public static final long MINUTES_TOTAL = 95 + 1_440 + 30;
    public static final long VEHICLES_TOTAL = 1 + 1 + 2;
    public static final int ROWS = 6;

    private static final List<ReportColumn> COLUMNS = List.of(
            new ReportColumn("ticket", "Tiket", ColumnType.TEXT),
            new ReportColumn("plate", "Plat nomor", ColumnType.TEXT),
            new ReportColumn("day", "Tanggal", ColumnType.DATE),
            new ReportColumn("entry", "Masuk", ColumnType.DATE_TIME),
            new ReportColumn("minutes", "Durasi (menit)", ColumnType.MINUTES),
            new ReportColumn("vehicles", "Kendaraan", ColumnType.INTEGER),
            new ReportColumn("revenue", "Pendapatan", ColumnType.MONEY),
            new ReportColumn("hours", "Rata-rata jam", ColumnType.DECIMAL),
            new ReportColumn("note", "Catatan", ColumnType.TEXT));

    private final boolean withChart;
    private final int width;

    /** The report with its first {@code width} columns only (rows and totals cut to match). */
    public SampleReport(boolean withChart, int width) {
        super("revenue", TITLE, SITE, FROM, TO, sampleFilters(), COLUMNS.subList(0, width));
        this.withChart = withChart;
        this.width = width;
    }

    public SampleReport(boolean withChart) {
        this(withChart, COLUMNS.size());
    }

    public SampleReport() {
        this(true);
    }

    private static Map<String, String> sampleFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put(ZONE_FILTER, ZONE_VALUE);
        filters.put("Metode", "Tunai");
        return filters;
    }

    @Override
    public void rows(RowSink sink) throws IOException {
        sink.row(row("T-0001", "B 1234 XYZ", LocalDate.of(2026, 1, 5), LocalDateTime.of(2026, 1, 5, 7, 30),
                95L, 1L, MONEY_1, 1.58, INDONESIAN));
        sink.row(row("T-0002", FORMULA, LocalDate.of(2026, 1, 6), LocalDateTime.of(2026, 1, 6, 23, 59),
                1_440L, 1L, MONEY_2, 24.0, PLUS));
        sink.row(row("T-0003", null, null, null, null, null, null, null, null));
        sink.row(row("T-0004", "D 77 AB", LocalDate.of(2026, 1, 31), LocalDateTime.of(2026, 1, 31, 0, 5),
                30L, 2L, MONEY_3, 0.5, MINUS));
        sink.row(row("T-0005", AT, null, null, null, null, null, Double.NaN, TAB));
        sink.row(row("T-0006", CR, null, null, null, null, null, null, "Jl. Boulevard Raya No. 1, Jakarta Utara"));
    }

    private List<Object> row(Object... values) {
        return Arrays.asList(values).subList(0, width);
    }

    @Override
    public List<Object> totals() {
        List<Object> totals = new ArrayList<>(Arrays.asList(new Object[COLUMNS.size()]));
        totals.set(4, MINUTES_TOTAL);
        totals.set(5, VEHICLES_TOTAL);
        totals.set(6, MONEY_TOTAL);
        return totals.subList(0, width);
    }

    @Override
    public Optional<ReportChart> chart() {
        if (!withChart) {
            return Optional.empty();
        }
        return Optional.of(new ReportChart("Pendapatan per hari", List.of("05/01", "06/01", "31/01"), List.of(
                new ReportChart.Series("Tunai", List.of(MONEY_1, MONEY_2, MONEY_3)),
                new ReportChart.Series("QRIS", List.of(200_000L, 0L, 50_000L)))));
    }
}

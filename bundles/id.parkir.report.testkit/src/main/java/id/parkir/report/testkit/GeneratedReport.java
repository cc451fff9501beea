package id.parkir.report.testkit;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A year of parking sessions (ten columns) made up row by row as the exporter asks for them, so
 * nothing but the exporter holds rows in memory. {@code progress} is told the number of the row about
 * to be made every {@code every} rows and once more just before the last one: the streaming tests
 * read the output stream there, the benchmarks sample the heap.
 */
public final class GeneratedReport extends FixedReport {
    private static final String[] TYPES = {"Motor", "Mobil", "Truk", "Bus"};
    private static final String[] METHODS = {"Tunai", "QRIS", "e-Money"};
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);

    private final long rows;
    private final long every;
    private final LongConsumer progress;

    public GeneratedReport(long rows, long every, LongConsumer progress) {
        super("sessions", "Laporan Sesi Parkir", "Parkir Uji Beban", START.toLocalDate(),
                START.toLocalDate().plusYears(1).minusDays(1), Map.of(), List.of(
                        new ReportColumn("ticket", "Tiket", ColumnType.TEXT),
                        new ReportColumn("plate", "Plat nomor", ColumnType.TEXT),
                        new ReportColumn("vehicleType", "Jenis", ColumnType.TEXT),
                        new ReportColumn("zone", "Zona", ColumnType.TEXT),
                        new ReportColumn("entryAt", "Masuk", ColumnType.DATE_TIME),
                        new ReportColumn("exitAt", "Keluar", ColumnType.DATE_TIME),
                        new ReportColumn("minutes", "Durasi (menit)", ColumnType.MINUTES),
                        new ReportColumn("fee", "Tarif", ColumnType.MONEY),
                        new ReportColumn("fine", "Denda", ColumnType.MONEY),
                        new ReportColumn("method", "Metode", ColumnType.TEXT)));
        this.rows = rows;
        this.every = every;
        this.progress = progress;
    }

    @Override
    public void rows(RowSink sink) throws IOException {
        for (long i = 0; i < rows; i++) {
            if (i % every == 0 || i == rows - 1) {
                progress.accept(i);
            }
            LocalDateTime entry = START.plusSeconds(i * 31_536_000L / Math.max(rows, 1));
            sink.row(Arrays.asList(
                    String.format("T%09d", i),
                    "B " + (1000 + i % 9000) + " " + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26),
                    TYPES[(int) (i % TYPES.length)],
                    "Zona " + (char) ('A' + i % 4),
                    entry,
                    entry.plusMinutes(minutes(i)),
                    minutes(i),
                    fee(i),
                    fine(i),
                    METHODS[(int) (i % METHODS.length)]));
        }
    }

    private static long minutes(long i) {
        return 5 + i * 7_919 % 600;
    }

    private static long fee(long i) {
        return 2_000 + (minutes(i) / 60) * 2_000;
    }

    private static long fine(long i) {
        return i % 500 == 0 ? 25_000 : 0;
    }

    /** Sums of the figures, worked out again the way {@link #rows} makes them. */
    @Override
    public List<Object> totals() {
        long minutes = 0;
        long fees = 0;
        long fines = 0;
        for (long i = 0; i < rows; i++) {
            minutes += minutes(i);
            fees += fee(i);
            fines += fine(i);
        }
        List<Object> totals = new ArrayList<>(Arrays.asList(new Object[10]));
        totals.set(6, minutes);
        totals.set(7, fees);
        totals.set(8, fines);
        return totals;
    }

    @Override
    public Optional<ReportChart> chart() {
        List<String> months = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format("%02d/2025", m));
            values.add(rows / 12 * 3_000);
        }
        return Optional.of(new ReportChart("Pendapatan per bulan", months,
                List.of(new ReportChart.Series("Total", values))));
    }
}

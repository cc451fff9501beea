package id.parkir.report.csv.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportColumn;
import id.parkir.report.testkit.SampleReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes the sample report and reads it back with Commons CSV. */
class CsvReportExporterTest {
    private static byte[] bytes;
    private static List<CSVRecord> records;

    @BeforeAll
    static void write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvReportExporter().write(new SampleReport(), out);
        bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
    }

    private static List<String> record(int i) {
        return records.get(i).toList();
    }

    @Test
    void startsWithUtf8ByteOrderMarkAndTitles() {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals(List.of("Tiket", "Plat nomor", "Tanggal", "Masuk", "Durasi (menit)", "Kendaraan", "Pendapatan",
                "Rata-rata jam", "Catatan"), record(0));
        assertEquals(1 + SampleReport.ROWS + 1, records.size());
    }

    @Test
    void writesIsoDatesPlainNumbersAndIndonesianText() {
        assertEquals(List.of("T-0001", "B 1234 XYZ", "2026-01-05", "2026-01-05 07:30", "95", "1", "1500000", "1.58",
                SampleReport.INDONESIAN), record(1));
        assertEquals(List.of("T-0003", "", "", "", "", "", "", "", ""), record(3), "nulls are empty cells");
        assertEquals("", record(5).get(7), "NaN is an empty cell");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    void textThatLooksLikeAFormulaGetsAnApostrophe() {
        assertEquals("'" + SampleReport.FORMULA, record(2).get(1));
        assertEquals("'" + SampleReport.PLUS, record(2).get(8));
        assertEquals("'" + SampleReport.MINUS, record(4).get(8));
        assertEquals("'" + SampleReport.AT, record(5).get(1));
        assertEquals("'" + SampleReport.TAB, record(5).get(8));
        assertEquals("'" + SampleReport.CR, record(6).get(1));
        assertEquals("-5", CsvReportExporter.cell(ColumnType.MONEY, -5L), "numbers stay numbers");
    }

    @Test
    void endsWithTotalsLabelledInTheFirstTextColumn() {
        assertEquals(List.of("Total", "", "", "", Long.toString(SampleReport.MINUTES_TOTAL),
                Long.toString(SampleReport.VEHICLES_TOTAL), Long.toString(SampleReport.MONEY_TOTAL), "", ""),
                record(records.size() - 1));
    }

    @Test
    void withoutATextColumnTheLabelGoesInTheFirstColumnWithoutATotal() {
        List<ReportColumn> byDay = List.of(new ReportColumn("day", "Tanggal", ColumnType.DATE),
                new ReportColumn("revenue", "Pendapatan", ColumnType.MONEY));
        assertEquals(0, CsvReportExporter.labelColumn(byDay, Arrays.asList(null, 10L)));
        assertEquals(-1, CsvReportExporter.labelColumn(byDay, List.of(1L, 10L)));
    }
}

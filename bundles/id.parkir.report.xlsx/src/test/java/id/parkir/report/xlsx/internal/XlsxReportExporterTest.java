package id.parkir.report.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportColumn;
import id.parkir.report.testkit.SampleReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes the sample report and reads it back with fastexcel-reader (cells, formats) and as a zip (panes, image). */
class XlsxReportExporterTest {
    /** Title block: site, title, period, two filters, a blank line; then the header. */
    private static final int HEADER = 7;
    private static byte[] bytes;
    private static Map<String, byte[]> entries;
    private static List<String> sheetNames;
    private static Map<Integer, Row> rows;

    @BeforeAll
    static void write() throws IOException {
        bytes = xlsx(new XlsxReportExporter(), new SampleReport());
        entries = unzip(bytes);
        ReadingOptions withFormats = new ReadingOptions(true, false);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), withFormats)) {
            sheetNames = wb.getSheets().map(Sheet::getName).collect(Collectors.toList());
            rows = byNumber(wb.getFirstSheet().read());
        }
    }

    static byte[] xlsx(XlsxReportExporter exporter, SampleReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(report, out);
        return out.toByteArray();
    }

    static Map<Integer, Row> byNumber(List<Row> rows) {
        Map<Integer, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(r.getRowNum(), r));
        return map;
    }

    /** Through the central directory, as Excel reads it (entries are streamed, sizes come after the data). */
    static Map<String, byte[]> unzip(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("report", ".xlsx");
        Map<String, byte[]> map = new HashMap<>();
        try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    map.put(e.getName(), in.readAllBytes());
                }
            }
        } finally {
            Files.delete(file);
        }
        return map;
    }

    private static Cell cell(int row, int column) {
        return rows.get(row).getCell(column);
    }

    @Test
    void titleBlockAboveAFrozenHeader() {
        assertEquals(SampleReport.SITE, cell(1, 0).asString());
        assertEquals(SampleReport.TITLE, cell(2, 0).asString());
        assertEquals("Periode: 01/01/2026 s.d. 31/01/2026", cell(3, 0).asString());
        assertEquals(SampleReport.ZONE_FILTER + ": " + SampleReport.ZONE_VALUE, cell(4, 0).asString());
        assertEquals("Tiket", cell(HEADER, 0).asString());
        assertEquals("Catatan", cell(HEADER, 8).asString());
        String sheet = new String(entries.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertTrue(sheet.contains("ySplit=\"" + HEADER + "\" topLeftCell=\"A" + (HEADER + 1) + "\""), sheet);
        assertTrue(sheet.contains("state=\"frozen\""));
        assertTrue(sheet.contains("<col min=\"1\" max=\"1\" width=\"22"), "column widths set");
    }

    @Test
    void figuresAreNumbersWithFormatsAndDatesAreDates() {
        Cell money = cell(HEADER + 1, 6);
        assertEquals(CellType.NUMBER, money.getType());
        assertEquals(new BigDecimal(SampleReport.MONEY_1), money.asNumber());
        assertEquals(DataSheets.MONEY_FORMAT, money.getDataFormatString());
        assertEquals(CellType.NUMBER, cell(HEADER + 1, 4).getType());
        assertEquals("#,##0", cell(HEADER + 1, 4).getDataFormatString());
        assertEquals(0, new BigDecimal("1.58").compareTo(cell(HEADER + 1, 7).asNumber()));
        assertEquals(LocalDateTime.of(2026, 1, 5, 0, 0), cell(HEADER + 1, 2).asDate());
        assertEquals("dd/mm/yyyy", cell(HEADER + 1, 2).getDataFormatString());
        assertEquals(LocalDateTime.of(2026, 1, 5, 7, 30), cell(HEADER + 1, 3).asDate());
        assertEquals("dd/mm/yyyy hh:mm", cell(HEADER + 1, 3).getDataFormatString());
    }

    @Test
    void textIsKeptExactlyAndNeverAFormula() {
        assertEquals(SampleReport.INDONESIAN, cell(HEADER + 1, 8).asString());
        assertEquals(SampleReport.FORMULA, cell(HEADER + 2, 1).asString());
        assertEquals(CellType.STRING, cell(HEADER + 2, 1).getType());
        assertEquals(SampleReport.AT, cell(HEADER + 5, 1).asString());
        assertEquals(SampleReport.MINUS, cell(HEADER + 4, 8).asString());
        String sheet = new String(entries.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertFalse(sheet.contains("<f>"), "no formulas at all");
        assertEquals(CellType.EMPTY, rows.get(HEADER + 3).getOptionalCell(1).map(Cell::getType).orElse(CellType.EMPTY));
        assertEquals(CellType.EMPTY, rows.get(HEADER + 5).getOptionalCell(7).map(Cell::getType).orElse(CellType.EMPTY),
                "NaN is an empty cell");
    }

    @Test
    void totalsRowHoldsValues() {
        int totals = HEADER + SampleReport.ROWS + 1;
        assertEquals("Total", cell(totals, 0).asString());
        assertEquals(new BigDecimal(SampleReport.MINUTES_TOTAL), cell(totals, 4).asNumber());
        assertEquals(new BigDecimal(SampleReport.VEHICLES_TOTAL), cell(totals, 5).asNumber());
        assertEquals(new BigDecimal(SampleReport.MONEY_TOTAL), cell(totals, 6).asNumber());
        assertEquals(DataSheets.MONEY_FORMAT, cell(totals, 6).getDataFormatString());
    }

    @Test
    void withoutATextColumnTheTotalsLabelGoesInTheFirstColumnWithoutATotal() {
        List<ReportColumn> byDay = List.of(new ReportColumn("day", "Tanggal", ColumnType.DATE),
                new ReportColumn("revenue", "Pendapatan", ColumnType.MONEY));
        assertEquals(0, DataSheets.labelColumn(byDay, Arrays.asList(null, 10L)));
        assertEquals(-1, DataSheets.labelColumn(byDay, List.of(1L, 10L)));
    }

    @Test
    void chartIsAPictureOnItsOwnSheet() {
        assertEquals(List.of("Data", XlsxReportExporter.CHART_SHEET), sheetNames);
        byte[] png = entries.entrySet().stream().filter(e -> e.getKey().startsWith("xl/media/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
        assertTrue(entries.keySet().stream().anyMatch(n -> n.startsWith("xl/drawings/")), entries.keySet().toString());
    }

    @Test
    void noChartNoChartSheet() throws IOException {
        byte[] xlsx = xlsx(new XlsxReportExporter(), new SampleReport(false));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("Data"), wb.getSheets().map(Sheet::getName).collect(Collectors.toList()));
        }
    }

    @Test
    void rowsBeyondASheetGoOnTheNextWithTheTotalsAtTheEnd() throws IOException {
        byte[] xlsx = xlsx(new XlsxReportExporter(4), new SampleReport());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().collect(Collectors.toList());
            assertEquals(List.of("Data", "Data 2", XlsxReportExporter.CHART_SHEET),
                    sheets.stream().map(Sheet::getName).collect(Collectors.toList()));
            Map<Integer, Row> first = byNumber(sheets.get(0).read());
            Map<Integer, Row> second = byNumber(sheets.get(1).read());
            assertEquals("T-0004", first.get(HEADER + 4).getCell(0).asString());
            assertEquals("Tiket", second.get(HEADER).getCell(0).asString(), "the header again");
            assertEquals("T-0005", second.get(HEADER + 1).getCell(0).asString());
            assertEquals("Total", second.get(HEADER + 3).getCell(0).asString());
            assertEquals(new BigDecimal(SampleReport.MONEY_TOTAL), second.get(HEADER + 3).getCell(6).asNumber());
        }
    }
}

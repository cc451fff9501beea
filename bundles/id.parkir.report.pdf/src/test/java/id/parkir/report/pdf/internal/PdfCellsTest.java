package id.parkir.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.BaseFont;
import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportColumn;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfCellsTest {
    private static final BaseFont FONT = font();

    private static BaseFont font() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void figuresAndDatesTheIndonesianWay() {
        PdfCells cells = new PdfCells();
        assertEquals("Rp1.500.000", cells.text(ColumnType.MONEY, 1_500_000L));
        assertEquals("-Rp2.500", cells.text(ColumnType.MONEY, -2_500L));
        assertEquals("12.345", cells.text(ColumnType.INTEGER, 12_345L));
        assertEquals("1,50", cells.text(ColumnType.DECIMAL, 1.5));
        assertEquals("31/12/2026 23:05", cells.text(ColumnType.DATE_TIME, LocalDateTime.of(2026, 12, 31, 23, 5)));
        assertEquals("", cells.text(ColumnType.MONEY, null));
        assertEquals("a b", cells.text(ColumnType.TEXT, "a\tb\r"));
    }

    @Test
    void totalsLabelInTheFirstTextColumnWithoutATotalElseTheFirstWithout() {
        List<ReportColumn> columns = List.of(new ReportColumn("day", "Tanggal", ColumnType.DATE),
                new ReportColumn("n", "Transaksi", ColumnType.INTEGER),
                new ReportColumn("note", "Catatan", ColumnType.TEXT));
        assertEquals(2, PdfCells.labelColumn(columns, Arrays.asList(null, 4L, null)));
        assertEquals(0, PdfCells.labelColumn(columns, Arrays.asList(null, 4L, "x")));
        assertEquals(-1, PdfCells.labelColumn(columns, List.of("a", 4L, "x")));
    }

    @Test
    void textWrapsAtSpacesAndIsCutAfterThreeLines() {
        assertEquals(List.of("pendek"), PdfCells.lines("pendek", FONT, 8, 100));
        List<String> two = PdfCells.lines("Kendaraan menginap di zona B", FONT, 8, 80);
        assertEquals(2, two.size(), two.toString());
        assertEquals("Kendaraan menginap di zona B", String.join(" ", two));
        List<String> many = PdfCells.lines("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", FONT, 8, 40);
        assertEquals(PdfCells.MAX_LINES, many.size(), many.toString());
        assertTrue(many.get(2).endsWith("\u2026"), many.toString());
        for (String line : PdfCells.lines("B1234XYZB1234XYZB1234XYZ", FONT, 8, 40)) {
            assertTrue(FONT.getWidthPoint(line, 8) <= 40, line);
        }
    }
}

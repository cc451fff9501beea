package id.parkir.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.parkir.api.report.Report;
import id.parkir.report.testkit.GeneratedReport;
import id.parkir.report.testkit.SampleReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes reports and reads the text back with OpenPDF's extractor. */
class PdfReportExporterTest {
    private static byte[] sample;
    private static String text;

    @BeforeAll
    static void write() throws IOException {
        sample = pdf(new SampleReport());
        text = text(sample, 1);
    }

    static byte[] pdf(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportExporter().write(report, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf, int page) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            // the extractor breaks lines where the layout does; one space for any run of blanks
            return new PdfTextExtractor(reader).getTextFromPage(page).replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private static Rectangle pageSize(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return reader.getPageSizeWithRotation(1);
        } finally {
            reader.close();
        }
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "no \"" + expected + "\" in:\n" + actual);
    }

    @Test
    void headingHasSiteTitlePeriodAndFilters() {
        assertContains(SampleReport.SITE, text);
        assertContains(SampleReport.TITLE, text);
        assertContains("Periode: 01/01/2026 s.d. 31/01/2026", text);
        assertContains(SampleReport.ZONE_FILTER + ": " + SampleReport.ZONE_VALUE, text);
    }

    @Test
    void figuresTheIndonesianWay() {
        assertContains("Rp1.500.000", text);
        assertContains("1.440", text);
        assertContains("1,58", text);
        assertContains("05/01/2026 07:30", text);
        assertContains(SampleReport.INDONESIAN, text);
        assertEquals(-1, text.indexOf("NaN"), text);
        assertContains("=HYPERLINK(", text);
    }

    @Test
    void totalsRowAndPageNumbers() {
        assertContains("Total", text);
        assertContains("Rp1.532.000", text);
        assertContains("1.565", text);
        assertContains("Halaman 1 dari 1", text);
    }

    @Test
    void wideReportIsLandscapeNarrowIsPortraitAndTheChartIsAnImage() throws IOException {
        Rectangle wide = pageSize(sample);
        assertTrue(wide.getWidth() > wide.getHeight(), "nine columns: landscape");
        Rectangle narrow = pageSize(pdf(new SampleReport(false, 5)));
        assertTrue(narrow.getWidth() < narrow.getHeight(), "five columns: portrait");
        assertContains("/Subtype/Image", new String(sample, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBrokenDownloadIsAnIOException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> new PdfReportExporter().write(new GeneratedReport(2_000, 1_000, i -> { }), broken));
        assertEquals("Broken pipe", e.getMessage());
    }

    @Test
    void longTableRepeatsItsHeaderAndCountsPages() throws IOException {
        byte[] pdf = pdf(new GeneratedReport(500, 1_000, i -> { }));
        PdfReader reader = new PdfReader(pdf);
        int pages = reader.getNumberOfPages();
        reader.close();
        assertTrue(pages > 3, pages + " pages");
        String second = text(pdf, 2);
        assertContains("Tiket", second);
        assertEquals(1, second.split("Plat nomor", -1).length - 1, "the header once per page:\n" + second);
        assertContains("Halaman 2 dari " + pages, second);
        String last = text(pdf, pages);
        assertContains("Halaman " + pages + " dari " + pages, last);
        assertContains("Total", last);
        assertEquals(-1, text(pdf, 1).indexOf("T000000499"), "the last row is not on page 1");
    }
}

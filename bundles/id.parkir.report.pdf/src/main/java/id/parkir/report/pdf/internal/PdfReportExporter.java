package id.parkir.report.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import id.parkir.api.PluginProperties;
import id.parkir.api.report.ChartImage;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import id.parkir.api.report.ReportExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * A report as a printable PDF (OpenPDF): A4, landscape above {@value #PORTRAIT_COLUMNS} columns;
 * site, title, period and filters on top, then the chart (when the report has one), then the table
 * whose header row comes back on every page, figures right-aligned the Indonesian way (Rp1.500.000),
 * the totals row last, labelled {@value #TOTAL_LABEL}; "Halaman X dari Y" in every footer (see
 * {@link PageFooter}).
 * <p>
 * Flat memory for a year of sessions: rows are drawn as they arrive and each full page goes to the
 * stream (see {@link TablePainter}). Helvetica (a PDF standard font, not embedded) keeps the file
 * small; it covers Windows-1252, enough for Indonesian (other characters are left out).
 */
@Component(property = {PluginProperties.ID + "=pdf", PluginProperties.NAME + "=PDF (A4)"})
public class PdfReportExporter implements ReportExporter {
    static final int PORTRAIT_COLUMNS = 6;
    static final String TOTAL_LABEL = "Total";
    private static final float CHART_HEIGHT = 220;
    /** Pixels per point of the chart image: sharp enough to print, its text still about 8 pt. */
    private static final float CHART_SCALE = 1.4f;

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<ReportColumn> columns = report.columns();
        Rectangle size = columns.size() > PORTRAIT_COLUMNS ? PageSize.A4.rotate() : PageSize.A4;
        Document document = new Document(size, 36, 36, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(report.title());
            document.addCreator("Parkir");
            BaseFont base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            writer.setPageEvent(new PageFooter(base, report.siteName() + " \u2013 " + report.title()));
            document.open();
            heading(document, report, new Font(bold, 14), new Font(bold, 12), new Font(base, 9));
            Optional<ReportChart> chart = report.chart();
            if (chart.isPresent()) {
                chart(document, chart.get(), size);
            }
            table(new TablePainter(document, writer, columns, base, bold), report, columns);
            document.close();
        } catch (ExceptionConverter | DocumentException e) {
            throw ioException(e);
        }
        out.flush();
    }

    /** OpenPDF wraps the stream's own failures (a download broken off): hand those back as they were. */
    private static IOException ioException(RuntimeException e) {
        for (Throwable t = e; t != null; t = t instanceof ExceptionConverter
                ? ((ExceptionConverter) t).getException() : t.getCause()) {
            if (t instanceof IOException) {
                return (IOException) t;
            }
        }
        return new IOException("PDF report could not be written: " + e.getMessage(), e);
    }

    private static void heading(Document document, Report report, Font site, Font title, Font text) {
        document.add(new Paragraph(report.siteName(), site));
        document.add(new Paragraph(report.title(), title));
        document.add(new Paragraph("Periode: " + PdfCells.DATE.format(report.from()) + " s.d. "
                + PdfCells.DATE.format(report.to()), text));
        for (Map.Entry<String, String> filter : report.filters().entrySet()) {
            document.add(new Paragraph(filter.getKey() + ": " + filter.getValue(), text));
        }
        Paragraph gap = new Paragraph(" ", text);
        gap.setSpacingAfter(4);
        document.add(gap);
    }

    private static void chart(Document document, ReportChart chart, Rectangle size) throws IOException {
        float width = size.getWidth() - document.leftMargin() - document.rightMargin();
        Image image = Image.getInstance(ChartImage.png(chart, Math.round(width * CHART_SCALE),
                Math.round(CHART_HEIGHT * CHART_SCALE)));
        image.scaleToFit(width, CHART_HEIGHT);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingAfter(8);
        document.add(image);
    }

    /** Rows drawn as they arrive (see {@link TablePainter}), totals last. */
    private static void table(TablePainter painter, Report report, List<ReportColumn> columns) throws IOException {
        PdfCells cells = new PdfCells();
        List<String> texts = new ArrayList<>(columns.size());
        painter.start();
        report.rows(values -> {
            texts.clear();
            for (int c = 0; c < columns.size(); c++) {
                texts.add(cells.text(columns.get(c).type(), c < values.size() ? values.get(c) : null));
            }
            painter.row(texts, false);
        });
        List<Object> totals = report.totals();
        if (!totals.isEmpty()) {
            int label = PdfCells.labelColumn(columns, totals);
            texts.clear();
            for (int c = 0; c < columns.size(); c++) {
                Object total = c < totals.size() ? totals.get(c) : null;
                texts.add(c == label ? TOTAL_LABEL : cells.text(columns.get(c).type(), total));
            }
            painter.row(texts, true);
        }
    }
}

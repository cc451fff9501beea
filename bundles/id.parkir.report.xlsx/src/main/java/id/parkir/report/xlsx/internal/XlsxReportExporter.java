package id.parkir.report.xlsx.internal;

import id.parkir.api.PluginProperties;
import id.parkir.api.report.ChartImage;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Component;

/**
 * A report as an Excel workbook, written with fastexcel as the rows arrive (see {@link DataSheets}
 * for the layout of the table sheets). The chart, when the report has one, is a PNG on a last sheet
 * "{@value #CHART_SHEET}": beside the table it would fight the column widths.
 * Text goes into inline-string cells, which Excel never evaluates, so a cell like
 * {@code =HYPERLINK(...)} stays exactly that text: no apostrophe is needed, unlike the CSV.
 */
@Component(property = {PluginProperties.ID + "=xlsx", PluginProperties.NAME + "=Excel (XLSX)"})
public class XlsxReportExporter implements ReportExporter {
    static final String CHART_SHEET = "Grafik";
    private static final int CHART_WIDTH = 960;
    private static final int CHART_HEIGHT = 440;

    private final int rowsPerSheet;

    public XlsxReportExporter() {
        this(DataSheets.ROWS_PER_SHEET);
    }

    /** For the tests: a new sheet after this many rows. */
    XlsxReportExporter(int rowsPerSheet) {
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Parkir", null);
        workbook.properties().setTitle(report.title()).setCompany(report.siteName()).setSubject(report.kind());
        DataSheets sheets = new DataSheets(workbook, report, rowsPerSheet);
        report.rows(sheets::row);
        sheets.finish(report.totals());
        Optional<ReportChart> chart = report.chart();
        if (chart.isPresent()) {
            Worksheet sheet = workbook.newWorksheet(CHART_SHEET);
            sheet.value(0, 0, chart.get().title());
            sheet.style(0, 0).bold().fontSize(13).set();
            sheet.addImage(2, 0, ChartImage.png(chart.get(), CHART_WIDTH, CHART_HEIGHT), CHART_WIDTH, CHART_HEIGHT);
        }
        // writes the sheets' remaining parts and the zip directory; leaves the caller's stream open
        workbook.finish();
        out.flush();
    }
}

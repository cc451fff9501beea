package id.parkir.report.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import id.parkir.api.report.ReportColumn;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the table straight onto the pages, row by row: the header row at the top of every page,
 * figures right-aligned, long text wrapped (up to {@value PdfCells#MAX_LINES} lines), a thin rule
 * under each row. OpenPDF's own PdfPTable lays every cell out twice through its text engine, about
 * eight times slower (a year of sessions took some eight minutes); here a finished page is handed
 * to the writer at once, so memory stays flat.
 */
final class TablePainter {
    private static final float SIZE = 7.5f;
    private static final float LEADING = 9f;
    private static final float PAD = 2.5f;
    private static final Color HEADER_FILL = new Color(0xD9, 0xE2, 0xF3);
    private static final Color RULE = new Color(0xC8, 0xC8, 0xC8);

    private final Document document;
    private final PdfWriter writer;
    private final List<ReportColumn> columns;
    private final BaseFont regular;
    private final BaseFont bold;
    private final float[] left;
    private final float[] width;
    private final List<List<String>> cells = new ArrayList<>();
    private float y;

    TablePainter(Document document, PdfWriter writer, List<ReportColumn> columns, BaseFont regular, BaseFont bold) {
        this.document = document;
        this.writer = writer;
        this.columns = columns;
        this.regular = regular;
        this.bold = bold;
        float[] relative = PdfCells.widths(columns);
        float sum = 0;
        for (float w : relative) {
            sum += w;
        }
        left = new float[columns.size()];
        width = new float[columns.size()];
        float x = document.left();
        for (int c = 0; c < relative.length; c++) {
            width[c] = (document.right() - document.left()) * relative[c] / sum;
            left[c] = x;
            x += width[c];
        }
    }

    /** The header under what the document holds so far (title block, chart). */
    void start() {
        y = writer.getVerticalPosition(true);
        if (y - 4 * LEADING - 4 * PAD < document.bottom()) {
            newPage();
        } else {
            header();
        }
    }

    void row(List<String> texts, boolean total) {
        BaseFont font = total ? bold : regular;
        int lines = layout(texts, font);
        float height = lines * LEADING + 2 * PAD;
        if (y - height < document.bottom()) {
            newPage();
            layout(texts, font);
        }
        draw(font, height, total ? 1f : 0.25f, total ? Color.DARK_GRAY : RULE, total);
    }

    /** Ends the page (the writer sends it out) and starts the next with the header. */
    private void newPage() {
        writer.setPageEmpty(false);
        document.newPage();
        y = document.top();
        header();
    }

    private void header() {
        List<String> titles = new ArrayList<>(columns.size());
        for (ReportColumn column : columns) {
            titles.add(column.title());
        }
        float height = layout(titles, bold) * LEADING + 2 * PAD;
        PdfContentByte cb = writer.getDirectContent();
        cb.setColorFill(HEADER_FILL);
        cb.rectangle(document.left(), y - height, document.right() - document.left(), height);
        cb.fill();
        cb.setColorFill(Color.BLACK);
        draw(bold, height, 0.5f, Color.GRAY, false);
    }

    /** Breaks each text into the lines of its column; the number of lines of the tallest cell. */
    private int layout(List<String> texts, BaseFont font) {
        cells.clear();
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            String text = c < texts.size() ? texts.get(c) : "";
            List<String> cell = PdfCells.lines(text, font, SIZE, width[c] - 2 * PAD);
            cells.add(cell);
            lines = Math.max(lines, cell.size());
        }
        return lines;
    }

    /** The laid-out cells as one row of {@code height} from {@link #y} down, with a rule above (totals) or below. */
    private void draw(BaseFont font, float height, float rule, Color ruleColour, boolean ruleAbove) {
        PdfContentByte cb = writer.getDirectContent();
        cb.beginText();
        cb.setFontAndSize(font, SIZE);
        for (int c = 0; c < columns.size(); c++) {
            boolean right = columns.get(c).type().numeric();
            float baseline = y - PAD - SIZE;
            for (String line : cells.get(c)) {
                float x = right ? left[c] + width[c] - PAD - font.getWidthPoint(line, SIZE) : left[c] + PAD;
                cb.setTextMatrix(x, baseline);
                cb.showText(line);
                baseline -= LEADING;
            }
        }
        cb.endText();
        float ruleY = ruleAbove ? y : y - height;
        cb.setLineWidth(rule);
        cb.setColorStroke(ruleColour);
        cb.moveTo(document.left(), ruleY);
        cb.lineTo(document.right(), ruleY);
        cb.stroke();
        y -= height;
    }
}

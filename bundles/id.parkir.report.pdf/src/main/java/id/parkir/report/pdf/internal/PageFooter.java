package id.parkir.report.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The footer of every page: the report's name on the left, "Halaman X dari Y" on the right. Y is
 * not known while pages stream out, so every page draws one shared template that is filled in with
 * the page count when the document closes: X of Y without holding the pages back.
 */
final class PageFooter extends PdfPageEventHelper {
    private static final float SIZE = 8;
    private final BaseFont font;
    private final String left;
    private PdfTemplate total;

    PageFooter(BaseFont font, String left) {
        this.font = font;
        this.left = left;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("0000000", SIZE), SIZE + 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float y = document.bottom() - 24;
        String page = "Halaman " + writer.getPageNumber() + " dari ";
        float x = document.right() - font.getWidthPoint(page, SIZE) - total.getWidth();
        cb.beginText();
        cb.setFontAndSize(font, SIZE);
        cb.setTextMatrix(document.left(), y);
        cb.showText(left);
        cb.setTextMatrix(x, y);
        cb.showText(page);
        cb.endText();
        cb.addTemplate(total, x + font.getWidthPoint(page, SIZE), y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, SIZE);
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }
}

package id.parkir.report.pdf.internal;

import com.lowagie.text.pdf.BaseFont;
import id.parkir.api.Rupiah;
import id.parkir.api.report.ColumnType;
import id.parkir.api.report.ReportColumn;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the table cells say, as an Indonesian reader expects it: money as Rp1.500.000 (the receipts'
 * format), counts with dots (1.440), decimals with a comma (1,58), dates dd/MM/yyyy; and how a text
 * breaks into the lines of its column. One instance per document: the number formats are not
 * thread-safe.
 */
final class PdfCells {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** A cell's text takes at most this many lines; the rest is cut with an ellipsis. */
    static final int MAX_LINES = 3;
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final String ELLIPSIS = "\u2026";

    private final NumberFormat integers = NumberFormat.getIntegerInstance(INDONESIAN);
    private final NumberFormat decimals = NumberFormat.getNumberInstance(INDONESIAN);

    PdfCells() {
        decimals.setMinimumFractionDigits(2);
        decimals.setMaximumFractionDigits(2);
    }

    String text(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        switch (type) {
            case MONEY:
                return Rupiah.format(((Number) value).longValue());
            case INTEGER:
            case MINUTES:
                return integers.format(((Number) value).longValue());
            case DECIMAL:
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? decimals.format(d) : "";
            case DATE:
                return DATE.format((LocalDate) value);
            case DATE_TIME:
                return DATE_TIME.format((LocalDateTime) value);
            default:
                // shown, never run: no formula guard needed; control characters would print as boxes
                return printable(value.toString());
        }
    }

    private static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder sb = new StringBuilder(text);
                for (int j = i; j < sb.length(); j++) {
                    if (Character.isISOControl(sb.charAt(j))) {
                        sb.setCharAt(j, ' ');
                    }
                }
                return sb.toString().trim();
            }
        }
        return text;
    }

    /** {@code text} broken at spaces (inside a word where it must) into lines no wider than {@code width}. */
    static List<String> lines(String text, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>(1);
        if (font.getWidthPoint(text, size) <= width) {
            lines.add(text);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getWidthPoint(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (char c : word.toCharArray()) {
                if (line.length() > 0 && font.getWidthPoint(line.toString() + c, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(c);
            }
        }
        lines.add(line.toString());
        if (lines.size() > MAX_LINES) {
            String last = lines.get(MAX_LINES - 1);
            while (!last.isEmpty() && font.getWidthPoint(last + ELLIPSIS, size) > width) {
                last = last.substring(0, last.length() - 1);
            }
            lines = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
            lines.add(last + ELLIPSIS);
        }
        return lines;
    }

    /**
     * Where the totals row says what it is: the first text column without a total, else the first
     * column without one (a report by day has no text); -1 if none.
     */
    static int labelColumn(List<ReportColumn> columns, List<Object> totals) {
        int free = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (i >= totals.size() || totals.get(i) == null) {
                if (columns.get(i).type() == ColumnType.TEXT) {
                    return i;
                }
                free = free < 0 ? i : free;
            }
        }
        return free;
    }

    /** Relative column widths by what the columns hold. */
    static float[] widths(List<ReportColumn> columns) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            switch (columns.get(i).type()) {
                case TEXT:
                    widths[i] = 3f;
                    break;
                case DATE_TIME:
                    widths[i] = 2.4f;
                    break;
                case MONEY:
                    widths[i] = 2.2f;
                    break;
                case DATE:
                    widths[i] = 1.8f;
                    break;
                default:
                    widths[i] = 1.5f;
            }
        }
        return widths;
    }
}

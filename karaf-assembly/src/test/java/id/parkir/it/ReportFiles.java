package id.parkir.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Downloaded reports read back as a reader of each format would: CSV parsed (RFC 4180), XLSX read
 * cell by cell (numbers as numbers), PDF as the text of its pages. Each table is its header row
 * (the column titles) and the rows under it, the totals last.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** The CSV's records as text, the header first (the byte-order mark dropped). */
    static List<List<String>> csv(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /**
     * The table of every data sheet ("Data", "Data 2", ...): from the header row (found by its
     * first title) down; numbers as {@link BigDecimal}, text as text, empty cells null.
     */
    static List<List<Object>> xlsx(byte[] file, String firstTitle) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        xlsx(new ByteArrayInputStream(file), firstTitle, rows::add);
        return rows;
    }

    /** The same, each row handed over as it is read (a year of sessions is not held). */
    static void xlsx(InputStream file, String firstTitle, Consumer<List<Object>> rows) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file)) {
            boolean header = false;
            for (Sheet sheet : wb.getSheets().filter(s -> s.getName().startsWith("Data")).toList()) {
                boolean table = false;
                try (Stream<Row> stream = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) stream::iterator) {
                        if (!table) {
                            table = firstTitle.equals(row.getCellText(0));
                            if (!table || header) {
                                continue; // above the table, or the header of a later sheet, which repeats the first
                            }
                            header = true;
                        }
                        List<Object> values = new ArrayList<>(row.getCellCount());
                        for (int i = 0; i < row.getCellCount(); i++) {
                            Cell c = row.getCell(i);
                            values.add(c == null ? null : switch (c.getType()) {
                                case NUMBER -> c.asNumber();
                                case EMPTY -> null;
                                default -> c.getText();
                            });
                        }
                        rows.accept(values);
                    }
                }
            }
        }
    }

    /** The text of every page of the PDF. */
    static String pdfText(byte[] file) throws IOException {
        PdfReader reader = new PdfReader(file);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(extractor.getTextFromPage(p)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** Where a column is, by its title in the header row. */
    static int column(List<?> header, String title) {
        int i = header.indexOf(title);
        if (i < 0) {
            throw new AssertionError("no column '" + title + "' in " + header);
        }
        return i;
    }
}

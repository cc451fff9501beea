package id.parkir.api.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report as one document format. Registered as a DS service with
 * {@link id.parkir.api.PluginProperties#ID} = the format ({@code csv}, {@code xlsx}, {@code pdf})
 * and {@link id.parkir.api.PluginProperties#NAME}; several may be installed and come and go while
 * the server runs ({@code GET /api/report-formats} lists those present).
 */
public interface ReportExporter {
    /** The format's id, as in {@code ?format=}: lower case, e.g. {@code xlsx}. */
    String format();

    /** Content type of the document, e.g. {@code text/csv; charset=UTF-8}. */
    String mediaType();

    /** File name extension, without the dot. */
    String extension();

    /**
     * Writes the whole document to {@code out} as the rows arrive (does not close it). Memory must
     * not grow with the number of rows: formats that need to know everything first (none of the
     * shipped ones) must spool to disk.
     */
    void write(Report report, OutputStream out) throws IOException;
}

package id.parkir.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.report.testkit.ExportRun;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** 200,000 rows made on the fly: most of the PDF has reached the stream before the last row exists. */
class PdfStreamingTest {
    @Test
    void bytesFlowBeforeTheLastRow() throws IOException {
        ExportRun run = ExportRun.streaming(new PdfReportExporter(), 200_000);
        assertTrue(run.bytesBeforeLastRow() > run.bytes() / 2, run.bytesBeforeLastRow() + " of " + run.bytes());
        assertFalse(run.closedStream(), "the caller's stream stays open");
    }
}

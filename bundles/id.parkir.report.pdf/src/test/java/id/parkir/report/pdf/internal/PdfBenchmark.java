package id.parkir.report.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.report.testkit.ExportRun;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A year of sessions (3.6 million rows, about 90,000 pages) as PDF: time and heap growth. Only with -Pbenchmark. */
class PdfBenchmark {
    @Test
    void yearOfSessions() throws IOException {
        ExportRun run = ExportRun.benchmark(new PdfReportExporter(), 3_600_000);
        assertTrue(run.heapGrowthMb() < 100, "heap growth " + run.heapGrowthMb() + " MB");
    }
}

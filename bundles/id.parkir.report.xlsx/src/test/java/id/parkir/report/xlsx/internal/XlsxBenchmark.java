package id.parkir.report.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.report.testkit.ExportRun;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A year of sessions (3.6 million rows, four sheets) as XLSX: time and heap growth. Only with -Pbenchmark. */
class XlsxBenchmark {
    @Test
    void yearOfSessions() throws IOException {
        ExportRun run = ExportRun.benchmark(new XlsxReportExporter(), 3_600_000);
        assertTrue(run.heapGrowthMb() < 100, "heap growth " + run.heapGrowthMb() + " MB");
        assertTrue(run.seconds() < 60, run.seconds() + " s");
    }
}

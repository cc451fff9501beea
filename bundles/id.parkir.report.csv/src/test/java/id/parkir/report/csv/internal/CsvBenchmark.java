package id.parkir.report.csv.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.report.testkit.ExportRun;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A year of sessions (3.6 million rows) as CSV: time and heap growth. Only with -Pbenchmark. */
class CsvBenchmark {
    @Test
    void yearOfSessions() throws IOException {
        ExportRun run = ExportRun.benchmark(new CsvReportExporter(), 3_600_000);
        assertTrue(run.heapGrowthMb() < 100, "heap growth " + run.heapGrowthMb() + " MB");
    }
}

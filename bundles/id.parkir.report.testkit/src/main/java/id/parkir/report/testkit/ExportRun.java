package id.parkir.report.testkit;

import id.parkir.api.report.ReportExporter;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes a {@link GeneratedReport} with an exporter to a {@link CountingOutputStream} and watches
 * it: how many bytes had reached the stream just before the last row was made (streaming, without
 * timing anything), and for the benchmarks the time and the growth of the used heap (sampled after a
 * GC hint every 100,000 rows; the sampling time is left out of the time).
 */
public final class ExportRun {
    private static final long SAMPLE_EVERY = 100_000;
    private static final double MB = 1024.0 * 1024.0;

    private final CountingOutputStream out = new CountingOutputStream();
    private final boolean sampleHeap;
    private long bytesBeforeLastRow = -1;
    private long heapStart;
    private long heapMax;
    private long samplingNanos;
    private long nanos;

    private ExportRun(boolean sampleHeap) {
        this.sampleHeap = sampleHeap;
    }

    /** A run for the streaming tests: no heap samples. */
    public static ExportRun streaming(ReportExporter exporter, long rows) throws IOException {
        return new ExportRun(false).run(exporter, rows);
    }

    /** A run for the benchmarks: heap sampled, result printed. */
    public static ExportRun benchmark(ReportExporter exporter, long rows) throws IOException {
        ExportRun run = new ExportRun(true).run(exporter, rows);
        System.out.printf(Locale.ROOT, "%s: %,d rows, %,d bytes in %.1f s (%,.0f rows/s); used heap %.1f MB at start,"
                        + " %.1f MB at most, growth %.1f MB%n", exporter.format(), rows, run.bytes(), run.seconds(),
                rows / run.seconds(), run.heapStart / MB, run.heapMax / MB, run.heapGrowthMb());
        return run;
    }

    private ExportRun run(ReportExporter exporter, long rows) throws IOException {
        if (sampleHeap) {
            heapStart = usedHeapAfterGc();
            heapMax = heapStart;
        }
        long start = System.nanoTime();
        exporter.write(new GeneratedReport(rows, SAMPLE_EVERY, i -> progress(i, rows)), out);
        nanos = System.nanoTime() - start - samplingNanos;
        return this;
    }

    private void progress(long row, long rows) {
        if (row == rows - 1) {
            bytesBeforeLastRow = out.count();
        }
        if (sampleHeap) {
            long t = System.nanoTime();
            heapMax = Math.max(heapMax, usedHeapAfterGc());
            samplingNanos += System.nanoTime() - t;
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Whether the exporter closed the stream (it must not: the caller owns it). */
    public boolean closedStream() {
        return out.closed();
    }

    public long bytes() {
        return out.count();
    }

    /** Bytes that had reached the stream when the last row was about to be made. */
    public long bytesBeforeLastRow() {
        return bytesBeforeLastRow;
    }

    public double seconds() {
        return nanos / 1e9;
    }

    public double heapGrowthMb() {
        return (heapMax - heapStart) / MB;
    }
}

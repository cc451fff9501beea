package id.parkir.it;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of call, and the figures the benchmarks print. Thread-safe. */
final class Latencies {
    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long n) {
        nanos.add(n);
    }

    synchronized int count() {
        return nanos.size();
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    synchronized double percentile(int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))) / 1e6;
    }

    String summary(String what) {
        return String.format("%-44s n=%5d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms", what, count(),
                percentile(50), percentile(95), percentile(99), percentile(100));
    }

    /** Resident memory of a process in MB ({@code VmRSS}, or {@code VmHWM} for its peak); -1 if unknown. */
    static long residentMegabytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}

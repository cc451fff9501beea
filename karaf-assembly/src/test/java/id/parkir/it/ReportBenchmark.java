package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The reports over a long history: the real distribution on embedded Derby with
 * {@link HistoryLoader}'s paid stays (a year and more up to yesterday, 10,000 a day), then as an
 * admin over HTTP: a month's revenue (per day, per cashier, filtered by vehicle type) and traffic,
 * each the first time and then {@code bench.calls} times; a month of sessions as CSV; a year of
 * sessions as XLSX, written to a file as it arrives: time to the first byte, the whole time, its
 * size, and the server's heap meanwhile (jstat every 250 ms: the old generation, where rows held
 * in memory would pile up, and the whole heap in use; the live heap after a full collection before
 * and after), its resident memory; the XLSX is read back and its rows counted.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=ReportBenchmark}
 * (history {@code -Dbench.history=3650000}, calls {@code -Dbench.calls=5}).
 */
class ReportBenchmark {
    private static final String PASSWORD = "Laporan2026bench";
    private static final ZoneId SITE = ZoneId.of("Asia/Jakarta");
    private final long size = Long.getLong("bench.history", 3_650_000L);
    private final int calls = Integer.getInteger("bench.calls", 5);
    private final List<String> table = new ArrayList<>();

    @Test
    void reportsStayFastAndFlatOverAYearOfHistory() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("reportbench")) {
            server.setConfig("id.parkir.core.cfg", "initialZones", HistoryLoader.ROOMY_ZONES);
            server.start();
            server.firstAdmin(PASSWORD);
            server.stop();
            HistoryLoader.loadInto(server, size);
            server.start();
            String admin = json(server.login("admin", PASSWORD)).get("token").asText();
            long pid = server.javaProcess().orElseThrow();
            LocalDate yesterday = LocalDate.now(SITE).minusDays(1);
            LocalDate monthStart = yesterday.minusMonths(1).withDayOfMonth(1);
            String month = "from=" + monthStart + "&to=" + monthStart.plusMonths(1).minusDays(1);
            table.add("| call | first | p50 of the next | max | bytes |");
            table.add("|---|---|---|---|---|");
            measure(server, admin, "revenue, a month per day (JSON)", "/api/reports/revenue?" + month);
            measure(server, admin, "revenue, a month per day (CSV)", "/api/reports/revenue?" + month + "&format=csv");
            measure(server, admin, "revenue, a month per day (XLSX)", "/api/reports/revenue?" + month + "&format=xlsx");
            measure(server, admin, "revenue, a month per cashier, cars only", "/api/reports/revenue?" + month
                    + "&by=cashier&vehicleType=car&format=csv");
            measure(server, admin, "revenue, a year per day (CSV)", "/api/reports/revenue?from=" + yesterday.minusDays(364)
                    + "&to=" + yesterday + "&format=csv");
            measure(server, admin, "traffic, a month per day (CSV)", "/api/reports/traffic?" + month + "&format=csv");
            measure(server, admin, "shifts, a month (CSV)", "/api/reports/shifts?" + month + "&format=csv");
            measure(server, admin, "sessions, a month (CSV)", "/api/reports/sessions?" + month + "&format=csv");

            LocalDate first = yesterday.minusDays(Math.min(365, size / HistoryLoader.PER_DAY) - 1);
            String yearPeriod = "from=" + first + "&to=" + yesterday;
            long[] preview = stream(server, admin, "/api/reports/sessions?" + yearPeriod, server.home.resolve("report.out"));
            table.add(String.format("| sessions, a year, the screen's preview (200 rows and the totals) | %.0f ms | | | |",
                    preview[1] / 1e6));
            long[] revenueYear = stream(server, admin, "/api/reports/revenue?" + yearPeriod + "&by=vehicleType&format=pdf",
                    server.home.resolve("report.out"));
            table.add(String.format("| revenue, a year per vehicle type (PDF) | %.0f ms | | | |", revenueYear[1] / 1e6));
            String year = "/api/reports/sessions?" + yearPeriod + "&format=xlsx";
            Path file = server.home.resolve("sessions-year.xlsx");
            String before = heap(pid, true);
            long rssBefore = Latencies.residentMegabytes(pid, "VmRSS");
            Jstat jstat = Jstat.start(pid);
            long[] times = stream(server, admin, year, file);
            Jstat.Peaks peaks = jstat.stop();
            String after = heap(pid, true);
            AtomicLong rows = new AtomicLong();
            long counting = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                ReportFiles.xlsx(in, "Tiket", r -> rows.incrementAndGet());
            }
            long expected = (java.time.temporal.ChronoUnit.DAYS.between(first, yesterday) + 1) * HistoryLoader.PER_DAY;
            System.out.printf("%n== %,d stored sessions; a year of sessions (%s .. %s) as XLSX ==%n"
                    + "first byte after %.2f s, whole file after %.1f s, %,d bytes, %,d rows read back (%,d expected; read in %.0f s)%n"
                    + "server heap: old generation %s MB before, peak %s MB (growth %s MB); whole heap in use at most %s MB"
                    + " (young collections in between); live heap after a full collection: %s before, %s after%n"
                    + "server RSS %d MB before, %d MB after, peak %d MB%n",
                    size, first, yesterday, times[0] / 1e9, times[1] / 1e9, Files.size(file), rows.get() - 2, expected,
                    (System.nanoTime() - counting) / 1e9, mb(peaks.oldBefore()), mb(peaks.oldPeak()),
                    mb(peaks.oldPeak() - peaks.oldBefore()), mb(peaks.usedPeak()), before, after, rssBefore,
                    Latencies.residentMegabytes(pid, "VmRSS"), Latencies.residentMegabytes(pid, "VmHWM"));
            System.out.printf("%n== reports over %,d stored sessions; server RSS %d MB, peak %d MB ==%n%s%n", size,
                    Latencies.residentMegabytes(pid, "VmRSS"), Latencies.residentMegabytes(pid, "VmHWM"), String.join("\n", table));
            assertEquals(expected, rows.get() - 2, "header and totals besides the rows");
        }
    }

    private static String mb(double kilobytes) {
        return String.format("%.0f", kilobytes / 1024);
    }

    /** A call the first time, then {@code calls} times more; every answer read whole. */
    private void measure(ParkirServer server, String token, String name, String path) throws Exception {
        Path sink = server.home.resolve("report.out");
        long[] first = stream(server, token, path, sink);
        Latencies rest = new Latencies();
        for (int i = 0; i < calls; i++) {
            rest.add(stream(server, token, path, sink)[1]);
        }
        System.out.println(rest.summary(name) + String.format("  first %7.1f ms", first[1] / 1e6));
        table.add(String.format("| %s | %.0f ms | %.0f ms | %.0f ms | %,d |", name, first[1] / 1e6, rest.percentile(50),
                rest.percentile(100), Files.size(sink)));
    }

    /** Streams an answer into a file: {time to the first byte, time to the last}, in nanoseconds. */
    private static long[] stream(ParkirServer server, String token, String path, Path file) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long t = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (firstByte == 0 && n > 0) {
                    firstByte = System.nanoTime() - t;
                }
                out.write(buf, 0, n);
            }
        }
        assertEquals(200, r.statusCode(), path + ": " + (r.statusCode() == 200 ? "" : Files.readString(file)));
        return new long[] {firstByte, System.nanoTime() - t};
    }

    /** The server's live heap after a full collection (jcmd GC.run, then GC.heap_info's used). */
    private static String heap(long pid, boolean collect) throws Exception {
        if (collect) {
            run(jdkTool("jcmd"), Long.toString(pid), "GC.run");
        }
        for (String line : run(jdkTool("jcmd"), Long.toString(pid), "GC.heap_info")) {
            if (line.contains("used")) {
                return line.trim().replaceAll("\\s+", " ");
            }
        }
        return "?";
    }

    static String jdkTool(String name) {
        return Paths.get(System.getProperty("java.home"), "bin", name).toString();
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = in.readLine()) != null; ) {
                lines.add(l);
            }
        }
        p.waitFor();
        return lines;
    }

    /** jstat -gc every 250 ms in the background: the old generation before and at its peak, and the heap in use at its peak (KB). */
    private static final class Jstat {
        record Peaks(double oldBefore, double oldPeak, double usedPeak) {
        }

        private final Process process;
        private final Thread reader;
        private volatile double oldBefore = -1;
        private volatile double oldPeak;
        private volatile double usedPeak;

        private Jstat(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "jstat");
            reader.start();
        }

        static Jstat start(long pid) throws IOException {
            return new Jstat(new ProcessBuilder(jdkTool("jstat"), "-gc", Long.toString(pid), "250").redirectErrorStream(true).start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String l; (l = in.readLine()) != null; ) {
                    List<String> cells = List.of(l.trim().split("\\s+"));
                    if (cells.contains("OU")) {
                        header = cells;
                        continue;
                    }
                    if (header == null || cells.size() != header.size()) {
                        continue;
                    }
                    double old = Double.parseDouble(cells.get(header.indexOf("OU")));
                    double used = old + Double.parseDouble(cells.get(header.indexOf("EU")))
                            + Double.parseDouble(cells.get(header.indexOf("S0U"))) + Double.parseDouble(cells.get(header.indexOf("S1U")));
                    if (oldBefore < 0) {
                        oldBefore = old;
                    }
                    oldPeak = Math.max(oldPeak, old);
                    usedPeak = Math.max(usedPeak, used);
                }
            } catch (IOException | RuntimeException e) {
                // the process was stopped
            }
        }

        Peaks stop() throws InterruptedException {
            process.destroy();
            reader.join(5_000);
            return new Peaks(oldBefore, oldPeak, usedPeak);
        }
    }
}

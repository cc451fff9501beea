package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The gates at a year of traffic: the real distribution on embedded Derby, its history loaded
 * straight into the tables ({@link HistoryLoader}), then measured over HTTP at each size: entry,
 * exit quote and payment one after another (p50/p99), the searches a screen makes, occupancy,
 * shift close, vehicles per second with 8 gates at once (each call committed before its answer),
 * and the server's resident memory. Prints numbers; asserts only that every call succeeded.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=HistoryBenchmark}
 * (sizes {@code -Dbench.history=0,1000000,3000000}, load seconds {@code -Dbench.seconds=30},
 * a JFR profile of the load with {@code -Dbench.jfr=true}).
 */
class HistoryBenchmark {
    private static final int GATES = 8;
    private static final String PASSWORD = "Gerbang2026pass";
    private final long[] sizes = Arrays.stream(System.getProperty("bench.history", "0,1000000,3000000").split(","))
            .mapToLong(s -> Long.parseLong(s.trim())).toArray();
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final List<String> table = new ArrayList<>();

    @Test
    void gatesStayFastAsHistoryGrows() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("history")) {
            server.setConfig("id.parkir.core.cfg", "initialZones",
                    "A|Lantai Dasar|motorcycle=50000,car=50000,truck=5000,bus=5000;B|Basement 1|car=50000");
            server.start();
            prepareUsers(server);
            server.stop();
            Path db = server.home.resolve("parkir-data/derby/parkir");
            table.add("| stored sessions | entry p50/p99 | quote p50/p99 | payment p50/p99 | inside search p50 | plate history p50"
                    + " | occupancy p50 | shift close p50 | vehicles/s (8 gates) | RSS after / peak |");
            table.add("|---|---|---|---|---|---|---|---|---|---|");
            for (long size : sizes) {
                String historyPlate;
                try (HistoryLoader loader = new HistoryLoader(db)) {
                    loader.loadUpTo(size);
                    historyPlate = loader.historyPlate();
                }
                server.start();
                measure(server, size, historyPlate);
                server.stop();
            }
        }
        System.out.println("\n" + String.join("\n", table));
    }

    private static void prepareUsers(ParkirServer server) throws Exception {
        String admin = server.firstAdmin(PASSWORD);
        for (int g = 1; g <= GATES; g++) {
            server.newOperator(admin, "kasir" + g, PASSWORD);
        }
    }

    private void measure(ParkirServer server, long size, String historyPlate) throws Exception {
        System.out.printf("%n== %,d stored sessions ==%n", size);
        List<Gate> gates = new ArrayList<>();
        for (int g = 1; g <= GATES; g++) {
            gates.add(new Gate(server, json(server.login("kasir" + g, PASSWORD)).get("token").asText(), g));
        }
        for (Gate g : gates) {
            g.openShift();
        }
        Gate one = gates.get(0);
        one.parkBackground(size == sizes[0] ? 500 : 0);
        one.cycles(300, false); // warm-up: JIT, pools, caches
        Gate.Timings seq = new Gate.Timings();
        one.timings = seq;
        one.cycles(300, true);
        Latencies inside = new Latencies();
        Latencies history = new Latencies();
        Latencies occupancy = new Latencies();
        for (int i = 0; i < 200; i++) {
            inside.add(one.timed("/api/sessions?status=inside&size=20&plate=KB" + (1 + (i * 7) % 500)));
            history.add(one.timed("/api/sessions?size=20&plate=" + historyPlate));
            occupancy.add(one.timed("/api/occupancy"));
        }
        allGates(gates, Integer.getInteger("bench.warmup", 20), new Gate.Timings()); // the JIT compiles the busy paths
        Gate.Timings loaded = new Gate.Timings();
        Profile profile = Boolean.getBoolean("bench.jfr") ? Profile.start(server, "history-" + size) : null;
        long t0 = System.nanoTime();
        long count = allGates(gates, seconds, loaded);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (profile != null) {
            profile.stop();
        }
        Latencies shiftClose = new Latencies();
        for (Gate g : gates) {
            shiftClose.add(g.closeShift());
        }
        long pid = server.javaProcess().orElse(-1L);
        long rss = Latencies.residentMegabytes(pid, "VmRSS");
        long peak = Latencies.residentMegabytes(pid, "VmHWM");
        double vps = count / elapsed;
        System.out.println(seq.entry.summary("entry, one gate"));
        System.out.println(seq.quote.summary("exit quote, one gate"));
        System.out.println(seq.payment.summary("payment, one gate"));
        System.out.println(inside.summary("vehicles-inside search by plate"));
        System.out.println(history.summary("plate history search"));
        System.out.println(occupancy.summary("occupancy"));
        System.out.println(shiftClose.summary("shift close with its report"));
        System.out.println(loaded.entry.summary("entry, 8 gates"));
        System.out.println(loaded.quote.summary("exit quote, 8 gates"));
        System.out.println(loaded.payment.summary("payment, 8 gates"));
        System.out.printf("8 gates: %,d vehicles in %.1f s = %.0f vehicles/s; server RSS %d MB, peak %d MB%n",
                count, elapsed, vps, rss, peak);
        table.add(String.format("| %,d | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms"
                        + " | %.0f | %d / %d MB |", size, seq.entry.percentile(50), seq.entry.percentile(99),
                seq.quote.percentile(50), seq.quote.percentile(99), seq.payment.percentile(50), seq.payment.percentile(99),
                inside.percentile(50), history.percentile(50), occupancy.percentile(50), shiftClose.percentile(50), vps,
                rss, peak));
    }

    /** Every gate in its own thread, cycle after cycle, for that many seconds; returns the vehicles served. */
    private static long allGates(List<Gate> gates, int seconds, Gate.Timings timings) throws Exception {
        AtomicLong vehicles = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(gates.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Gate g : gates) {
                g.timings = timings;
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        g.cycles(1, true);
                        vehicles.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return vehicles.get();
    }

    /** One gate: an operator's token, its own plates, and the latencies it records. */
    static final class Gate {
        static final class Timings {
            final Latencies entry = new Latencies();
            final Latencies quote = new Latencies();
            final Latencies payment = new Latencies();
        }

        private static final String[] REGIONS = {"B", "D", "F", "T", "AB", "AD", "BK", "DK"};
        private final ParkirServer server;
        private final String token;
        private final String region;
        private int next;
        Timings timings = new Timings();

        Gate(ParkirServer server, String token, int number) {
            this.server = server;
            this.token = token;
            this.region = REGIONS[number - 1];
        }

        void openShift() throws Exception {
            HttpResponse<String> r = server.post("/api/shifts/open", token, "{\"openingCash\":100000}");
            assertEquals(201, r.statusCode(), r.body());
        }

        long closeShift() throws Exception {
            long t = System.nanoTime();
            HttpResponse<String> r = server.post("/api/shifts/close", token, "{\"countedCash\":100000}");
            long took = System.nanoTime() - t;
            assertEquals(200, r.statusCode(), r.body());
            return took;
        }

        /** Vehicles that stay inside (plates KB1..KBn) so that the lot is not empty while measuring. */
        void parkBackground(int count) throws Exception {
            for (int i = 1; i <= count; i++) {
                HttpResponse<String> r = server.post("/api/capture-entry", token, "{\"plate\":\"KB" + i + "XY\",\"vehicleType\":\"car\"}");
                assertEquals(201, r.statusCode(), r.body());
            }
        }

        long timed(String path) throws Exception {
            long t = System.nanoTime();
            HttpResponse<String> r = server.get(path, token);
            long took = System.nanoTime() - t;
            assertEquals(200, r.statusCode(), r.body());
            return took;
        }

        /** Entry, exit quote and cash payment of one vehicle per cycle, each answered 2xx. */
        void cycles(int count, boolean record) throws Exception {
            for (int i = 0; i < count; i++) {
                next++;
                String plate = region + (1 + next % 9999) + (char) ('A' + (next / 9999) % 20) + "Z";
                long a = System.nanoTime();
                HttpResponse<String> e = server.post("/api/capture-entry", token,
                        "{\"plate\":\"" + plate + "\",\"vehicleType\":\"" + (next % 2 == 0 ? "car" : "motorcycle") + "\"}");
                long b = System.nanoTime();
                assertEquals(201, e.statusCode(), e.body());
                String ticket = json(e).get("ticket").asText();
                HttpResponse<String> q = server.post("/api/capture-exit", token, "{\"ticket\":\"" + ticket + "\"}");
                long c = System.nanoTime();
                assertEquals(200, q.statusCode(), q.body());
                HttpResponse<String> p = server.post("/api/payments", token,
                        "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000}");
                long d = System.nanoTime();
                assertEquals(201, p.statusCode(), p.body());
                if (record) {
                    timings.entry.add(b - a);
                    timings.quote.add(c - b);
                    timings.payment.add(d - c);
                }
            }
        }
    }
}

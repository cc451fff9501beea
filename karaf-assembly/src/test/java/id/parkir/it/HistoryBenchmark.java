package id.parkir.it;

import static id.parkir.it.ParkirServer.json;

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
    /** Vehicles per cashier in the shifts whose close is measured: a busy gate's 8-hour shift. */
    private static final int SHIFT_VEHICLES = 400;
    private final long[] sizes = Arrays.stream(System.getProperty("bench.history", "0,1000000,3000000").split(","))
            .mapToLong(s -> Long.parseLong(s.trim())).toArray();
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final List<String> table = new ArrayList<>();

    @Test
    void gatesStayFastAsHistoryGrows() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("history")) {
            server.setConfig("id.parkir.core.cfg", "initialZones", HistoryLoader.ROOMY_ZONES);
            server.start();
            prepareUsers(server);
            server.stop();
            table.add("| stored sessions | entry p50/p99 | quote p50/p99 | payment p50/p99 | inside search p50 | plate history p50"
                    + " | occupancy p50 | shift close p50 | vehicles/s (8 gates) | RSS after / peak |");
            table.add("|---|---|---|---|---|---|---|---|---|---|");
            for (long size : sizes) {
                String historyPlate = HistoryLoader.loadInto(server, size);
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
        allGates(gates, (double) Integer.getInteger("bench.warmup", 20), new Gate.Timings()); // the JIT compiles the busy paths
        Gate.Timings loaded = new Gate.Timings();
        Profile profile = Boolean.getBoolean("bench.jfr") ? Profile.start(server, "history-" + size) : null;
        long t0 = System.nanoTime();
        long count = allGates(gates, (double) seconds, loaded);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (profile != null) {
            profile.stop();
        }
        for (Gate g : gates) {
            g.closeShift();
        }
        // shift reports of shifts of one size (a report reads its own shift's rows, not the history)
        Latencies shiftClose = new Latencies();
        for (int round = 0; round < 2; round++) {
            for (Gate g : gates) {
                g.openShift();
            }
            allGates(gates, SHIFT_VEHICLES, new Gate.Timings());
            for (Gate g : gates) {
                shiftClose.add(g.closeShift());
            }
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

    /** Every gate in its own thread serving {@code perGate} vehicles. */
    private static void allGates(List<Gate> gates, int perGate, Gate.Timings timings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(gates.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Gate g : gates) {
                g.timings = timings;
                running.add(pool.submit(() -> {
                    g.cycles(perGate, false);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every gate in its own thread, cycle after cycle, for that many seconds; returns the vehicles served. */
    private static long allGates(List<Gate> gates, double seconds, Gate.Timings timings) throws Exception {
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
            Thread.sleep((long) (seconds * 1000));
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return vehicles.get();
    }
}

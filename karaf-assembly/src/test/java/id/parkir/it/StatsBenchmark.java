package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard's statistics over a long history: the real distribution on embedded Derby,
 * {@link HistoryLoader}'s paid stays loaded before it starts, a day of gate traffic, then each
 * statistics call about {@code bench.calls} times over HTTP as an admin: today, today's hours,
 * the hours of history days asked for the first time, the last 30 and 366 days (the very first
 * call after the start, which aggregates every day it has not kept yet, apart). Prints p50/p95
 * per call and the server's resident memory; asserts only that every call succeeded.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=StatsBenchmark}
 * (history {@code -Dbench.history=1000000}, calls {@code -Dbench.calls=100}).
 */
class StatsBenchmark {
    private static final String PASSWORD = "Statistik2026pass";
    private static final ZoneId SITE = ZoneId.of("Asia/Jakarta");
    private final long size = Long.getLong("bench.history", 1_000_000L);
    private final int calls = Integer.getInteger("bench.calls", 100);
    private final List<String> table = new ArrayList<>();

    @Test
    void dashboardStatisticsStayFastOverTheHistory() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("stats")) {
            server.setConfig("id.parkir.core.cfg", "initialZones", HistoryLoader.ROOMY_ZONES);
            server.start();
            String admin = server.firstAdmin(PASSWORD);
            server.newOperator(admin, "kasir1", PASSWORD);
            server.stop();
            HistoryLoader.loadInto(server, size);
            server.start();
            admin = json(server.login("admin", PASSWORD)).get("token").asText();
            Gate gate = new Gate(server, json(server.login("kasir1", PASSWORD)).get("token").asText(), 1);
            gate.openShift();
            gate.parkBackground(500);
            gate.cycles(500, false);

            table.add("| call | first after start | p50 | p95 | calls |");
            table.add("|---|---|---|---|---|");
            LocalDate yesterday = LocalDate.now(SITE).minusDays(1);
            measure(server, admin, "GET /api/stats/daily?days=30", i -> "/api/stats/daily?days=30");
            measure(server, admin, "GET /api/stats/daily?days=366", i -> "/api/stats/daily?days=366");
            measure(server, admin, "GET /api/stats/today", i -> "/api/stats/today");
            // history days never asked before, nor their compare days a week earlier: both are aggregated
            List<LocalDate> fresh = new ArrayList<>();
            for (int k = 0; fresh.size() < calls && k + 7 < size / HistoryLoader.PER_DAY; k++) {
                if (k % 14 < 7) {
                    fresh.add(yesterday.minusDays(k));
                }
            }
            if (!fresh.isEmpty()) {
                measure(server, admin, "GET /api/stats/hourly?date= (a history day)", i -> "/api/stats/hourly?date=" + fresh.get(i),
                        fresh.size() - 1);
            }
            measure(server, admin, "GET /api/stats/hourly (today)", i -> "/api/stats/hourly");

            long pid = server.javaProcess().orElse(-1L);
            System.out.printf("%n== %,d stored sessions (%d days) and a day of traffic; server RSS %d MB, peak %d MB ==%n%s%n",
                    size, size / HistoryLoader.PER_DAY, Latencies.residentMegabytes(pid, "VmRSS"),
                    Latencies.residentMegabytes(pid, "VmHWM"), String.join("\n", table));
        }
    }

    private void measure(ParkirServer server, String token, String name, IntFunction<String> path) throws Exception {
        measure(server, token, name, path, calls);
    }

    /** The first call apart (nothing kept yet for it), then {@code count} more. */
    private void measure(ParkirServer server, String token, String name, IntFunction<String> path, int count) throws Exception {
        long first = timed(server, token, path.apply(0));
        Latencies rest = new Latencies();
        for (int i = 1; i <= count; i++) {
            rest.add(timed(server, token, path.apply(i)));
        }
        System.out.println(rest.summary(name) + String.format("  first %7.1f ms", first / 1e6));
        table.add(String.format("| `%s` | %.0f ms | %.1f ms | %.1f ms | %d |", name, first / 1e6, rest.percentile(50),
                rest.percentile(95), rest.count()));
    }

    private static long timed(ParkirServer server, String token, String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = server.get(path, token);
        long took = System.nanoTime() - t;
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return took;
    }
}

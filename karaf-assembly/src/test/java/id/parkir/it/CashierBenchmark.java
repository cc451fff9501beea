package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Cashier-flow benchmark against the real distribution: latency of entry, exit quote and cash
 * payment over HTTP (sequential), entry with a 1280x720 gate photo, throughput with 4 parallel
 * gates, and the server's resident memory. Prints numbers; asserts only that every call succeeded.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify} (after {@code mvn install -DskipTests}).
 */
class CashierBenchmark {
    private static final int SEQUENTIAL_CYCLES = Integer.getInteger("bench.cycles", 500);
    private static final int THREADS = 4;

    @Test
    void cashierFlow() throws Exception {
        Path photoFile;
        try (var files = Files.list(Paths.get(System.getProperty("parkir.shared", "../../shared"), "data/plates/openalpr_us_dev/images"))) {
            photoFile = files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        byte[] photo = Files.readAllBytes(photoFile);
        try (ParkirServer server = ParkirServer.unpack("benchmark")) {
            server.setConfig("id.parkir.core.cfg", "initialZones", "A|Benchmark|motorcycle=0,car=100000,truck=0,bus=0");
            server.start();
            String first = json(server.login("admin", "admin")).get("token").asText();
            server.post("/api/auth/password", first, "{\"oldPassword\":\"admin\",\"newPassword\":\"Bench2026pass\"}");
            String admin = json(server.login("admin", "Bench2026pass")).get("token").asText();

            cycles(server, admin, 100, 100, null, null, null); // warm-up: JIT, connection pools, Derby caches
            Latencies entry = new Latencies();
            Latencies exit = new Latencies();
            Latencies pay = new Latencies();
            long t0 = System.nanoTime();
            cycles(server, admin, 1000, SEQUENTIAL_CYCLES, entry, exit, pay);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println(entry.summary("entry (JSON)"));
            System.out.println(exit.summary("exit quote"));
            System.out.println(pay.summary("cash payment"));
            System.out.printf("sequential: %d full cycles in %.1f s = %.1f vehicles/s%n", SEQUENTIAL_CYCLES, seconds,
                    SEQUENTIAL_CYCLES / seconds);

            Latencies photoEntry = new Latencies();
            for (int i = 0; i < 50; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = server.postMultipart("/api/capture-entry", admin,
                        Map.of("plate", "D" + (1000 + i) + "FT", "vehicleType", "car"), photo);
                photoEntry.add(System.nanoTime() - s);
                assertEquals(201, r.statusCode(), r.body());
            }
            System.out.println(photoEntry.summary("entry with a " + photo.length / 1024 + " KB photo (multipart)"));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            int perThread = SEQUENTIAL_CYCLES / THREADS;
            long p0 = System.nanoTime();
            List<Future<?>> gates = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int base = 2000 + t * perThread;
                gates.add(pool.submit(() -> {
                    cycles(server, admin, base, perThread, null, null, null);
                    return null;
                }));
            }
            for (Future<?> g : gates) {
                g.get();
            }
            pool.shutdown();
            double parallel = (System.nanoTime() - p0) / 1e9;
            System.out.printf("%d parallel gates: %d full cycles in %.1f s = %.1f vehicles/s%n", THREADS,
                    perThread * THREADS, parallel, perThread * THREADS / parallel);
            System.out.println("server resident memory after the run: "
                    + Latencies.residentMegabytes(server.javaProcess().orElse(-1L), "VmRSS") + " MB");
        }
    }

    private static void cycles(ParkirServer server, String token, int base, int count, Latencies entry, Latencies exit,
                               Latencies pay) throws Exception {
        for (int i = 0; i < count; i++) {
            String plate = "B" + (base + i) + "BM";
            long a = System.nanoTime();
            HttpResponse<String> e = server.post("/api/capture-entry", token, "{\"plate\":\"" + plate + "\",\"vehicleType\":\"car\"}");
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
            if (entry != null) {
                entry.add(b - a);
                exit.add(c - b);
                pay.add(d - c);
            }
        }
    }
}

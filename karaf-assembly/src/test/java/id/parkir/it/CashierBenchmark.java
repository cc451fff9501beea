package id.parkir.it;

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
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=CashierBenchmark} (after
 * {@code mvn install -DskipTests}); {@link HistoryBenchmark} measures the same with years of history.
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
            server.setConfig("id.parkir.core.cfg", "initialZones", "A|Benchmark|motorcycle=100000,car=100000,truck=0,bus=0");
            server.start();
            String admin = server.firstAdmin("Bench2026pass");
            List<Gate> gates = new ArrayList<>();
            for (int g = 1; g <= THREADS; g++) {
                gates.add(new Gate(server, admin, g));
            }
            Gate one = gates.get(0);
            one.cycles(100, false); // warm-up: JIT, connection pools, Derby caches
            Gate.Timings sequential = new Gate.Timings();
            one.timings = sequential;
            long t0 = System.nanoTime();
            one.cycles(SEQUENTIAL_CYCLES, true);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println(sequential.entry.summary("entry (JSON)"));
            System.out.println(sequential.quote.summary("exit quote"));
            System.out.println(sequential.payment.summary("cash payment"));
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
            List<Future<?>> running = new ArrayList<>();
            for (Gate g : gates) {
                running.add(pool.submit(() -> {
                    g.cycles(perThread, false);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            double parallel = (System.nanoTime() - p0) / 1e9;
            System.out.printf("%d parallel gates: %d full cycles in %.1f s = %.1f vehicles/s%n", THREADS,
                    perThread * THREADS, parallel, perThread * THREADS / parallel);
            System.out.println("server resident memory after the run: "
                    + Latencies.residentMegabytes(server.javaProcess().orElse(-1L), "VmRSS") + " MB");
        }
    }
}

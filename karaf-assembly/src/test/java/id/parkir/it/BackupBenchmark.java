package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A backup of a large database while the gates work: the real distribution on embedded Derby,
 * {@link HistoryLoader}'s paid stays loaded until the database folder holds about
 * {@code bench.dbBytes} (1 GB), then four gates entering, quoting and paying in parallel; after a
 * warm-up, a baseline window, then {@code POST /api/backups} (no photos) while the gates
 * go on. Prints the database and archive sizes, the backup's time (and its phases from the server's
 * log), and the gates' latencies before and during the backup (the longest call is the stall); then
 * restores that backup over the running server and prints how long it refused work. Asserts only
 * that everything succeeded; the targets (under 60 s, no gate call over 200 ms) are printed beside
 * the numbers.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=BackupBenchmark}
 * ({@code -Dbench.dbBytes=1000000000}, {@code -Dbench.gates=4}, {@code -Dbench.baselineSeconds=30}).
 */
class BackupBenchmark {
    private static final String PASSWORD = "Tolok2026ukur";
    private final long targetBytes = Long.getLong("bench.dbBytes", 1_000_000_000L);
    private final int gateCount = Integer.getInteger("bench.gates", 4);
    private final int baselineSeconds = Integer.getInteger("bench.baselineSeconds", 30);

    @Test
    void aBackupOfALargeDatabaseWhileTheGatesWork() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("backup-bench")) {
            server.setConfig("id.parkir.core.cfg", "initialZones", HistoryLoader.ROOMY_ZONES);
            server.setConfig("id.parkir.backup.cfg", "schedule", "");
            server.start();
            String admin = server.firstAdmin(PASSWORD);
            for (int g = 1; g <= gateCount; g++) {
                server.newOperator(admin, "gerbang" + g, PASSWORD);
            }
            server.stop();
            Path db = server.home.resolve("parkir-data/derby/parkir");
            long sessions = 0;
            long t0 = System.nanoTime();
            while (size(db) < targetBytes) {
                // about 1.4 KB of tables and indexes per stay (schema 5): 700,000 stays are about 1 GB
                sessions += sessions == 0 ? Math.max(100_000, targetBytes / 1400 / 100_000 * 100_000) : 100_000;
                HistoryLoader.loadInto(server, sessions);
                System.out.printf("BENCH: %,d stays loaded, database %,d MB%n", sessions, size(db) / 1_000_000);
            }
            System.out.printf("BENCH: loading took %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
            server.start();
            admin = json(server.login("admin", PASSWORD)).get("token").asText();
            List<String> tokens = new ArrayList<>();
            for (int g = 1; g <= gateCount; g++) {
                String token = json(server.login("gerbang" + g, PASSWORD)).get("token").asText();
                assertEquals(201, server.post("/api/shifts/open", token, "{\"openingCash\":0}").statusCode());
                tokens.add(token);
            }
            long backupSent;
            long backupAnswered;
            String id;
            long baselineFrom;
            try (Traffic traffic = new Traffic(server, tokens)) {
                traffic.start(0);
                Thread.sleep(20_000); // warm-up
                baselineFrom = System.nanoTime();
                Thread.sleep(baselineSeconds * 1000L);
                backupSent = System.nanoTime();
                HttpResponse<String> made = slowPost(server, "/api/backups?photoDays=0", admin);
                backupAnswered = System.nanoTime();
                assertEquals(201, made.statusCode(), made.body());
                id = json(made).get("id").asText();
                Thread.sleep(5000);
                traffic.stop();
                assertEquals(List.of(), traffic.failures());
                Latencies before = new Latencies();
                Latencies during = new Latencies();
                for (Traffic.Call c : traffic.calls()) {
                    if (c.startNanos() >= baselineFrom && c.endNanos() < backupSent) {
                        before.add(c.nanos());
                    } else if (c.endNanos() >= backupSent && c.startNanos() <= backupAnswered) {
                        during.add(c.nanos());
                    }
                }
                long archive = Files.size(server.home.resolve("parkir-data/backups/" + id + ".zip"));
                System.out.printf("%n== Backup of a %,d MB database (%,d stored stays), %d gates entering and paying ==%n",
                        size(db) / 1_000_000, sessions, gateCount);
                System.out.printf("backup %s: %.1f s (target: under 60 s), archive %,d MB%n", id, (backupAnswered - backupSent) / 1e9,
                        archive / 1_000_000);
                String phaseLine = phases(server, id);
                System.out.println(phaseLine);
                perPhase(phaseLine, backupSent, traffic.calls());
                System.out.println(before.summary("gate calls before the backup (" + baselineSeconds + " s)"));
                System.out.println(during.summary("gate calls during the backup"));
                System.out.printf("longest gate call during the backup: %.0f ms (target: at most 200 ms); before it: %.0f ms%n",
                        during.percentile(100), before.percentile(100));
            }
            HttpResponse<String> restored = slowPost(server, "/api/backups/" + id + "/restore", admin);
            assertEquals(200, restored.statusCode(), restored.body());
            System.out.printf("restore of that backup over the running server: %.1f s in all, work refused for %.1f s%n",
                    json(restored).get("millis").asLong() / 1e3, json(restored).get("offlineMillis").asLong() / 1e3);
            long pid = server.javaProcess().orElse(-1L);
            System.out.printf("server RSS %d MB, peak %d MB%n", Latencies.residentMegabytes(pid, "VmRSS"),
                    Latencies.residentMegabytes(pid, "VmHWM"));
        }
    }

    /** A POST that may take minutes (ParkirServer's requests give up after 60 s). */
    private static HttpResponse<String> slowPost(ParkirServer server, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofMinutes(15))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The longest gate call in each phase of the backup (the phases' lengths from the server's log, from the request on). */
    private static void perPhase(String line, long sent, List<Traffic.Call> calls) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("copied in (\\d+) ms, counted in (\\d+) ms, archived in (\\d+) ms,"
                + " verified in (\\d+) ms").matcher(line);
        if (!m.find()) {
            return;
        }
        String[] names = {"copy", "count", "archive", "verify"};
        long from = sent;
        StringBuilder out = new StringBuilder("longest gate call per phase:");
        for (int i = 0; i < 4; i++) {
            long to = from + Long.parseLong(m.group(i + 1)) * 1_000_000L;
            long f = from;
            double max = calls.stream().filter(c -> c.endNanos() >= f && c.startNanos() <= to).mapToLong(Traffic.Call::nanos)
                    .max().orElse(0) / 1e6;
            out.append(String.format(" %s %.0f ms;", names[i], max));
            from = to;
        }
        System.out.println(out);
    }

    /** The server's own line on the backup's phases. */
    private static String phases(ParkirServer server, String id) throws IOException {
        for (String line : Files.readAllLines(server.home.resolve("data/log/karaf.log"))) {
            if (line.contains("Backup " + id + " written")) {
                return line.substring(line.lastIndexOf('|') + 1).trim();
            }
        }
        return "(no phase line in the log)";
    }
}

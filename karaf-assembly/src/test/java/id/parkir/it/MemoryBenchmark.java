package id.parkir.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.parkir.camera.rtsp.internal.FakeCamera;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's resident memory on the default budget of {@code bin/setenv}, with native memory
 * tracking on: after start, after 120 ANPR reads (the 120 scenes of id_scenes_valid, read four
 * times), and while 8 cameras record (1080p25 4 Mbit/s, one fake camera serving an H.264 file as
 * is) with 2 live viewers. Prints the JVM's resident and peak memory, what native memory tracking
 * attributes it to, and the ffmpeg children's memory. Asserts only that every call succeeded.
 * Run: {@code mvn -pl karaf-assembly -Pbenchmark verify -Dit.test=MemoryBenchmark} (the history
 * and the gates are {@link HistoryBenchmark}'s).
 */
class MemoryBenchmark {
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    @Test
    void residentMemoryOnTheDefaultBudget() throws Exception {
        Path scenes = Paths.get(System.getProperty("parkir.shared", "../../shared"), "data/plates/id_scenes_valid/images");
        List<byte[]> photos = new ArrayList<>();
        try (var files = Files.list(scenes)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                photos.add(Files.readAllBytes(p));
            }
        }
        try (ParkirServer server = ParkirServer.unpack("memory")) {
            server.environment.put("EXTRA_JAVA_OPTS", "-XX:NativeMemoryTracking=summary");
            server.start();
            String admin = server.firstAdmin("Ingatan2026pass");
            report(server, "after start");

            for (int round = 0; round < 4; round++) {
                for (byte[] photo : photos) {
                    HttpResponse<String> r = server.postBytes("/api/anpr/read", admin, "image/jpeg", photo);
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
            report(server, "after " + photos.size() * 4 + " ANPR reads of " + photos.size() + " scenes");

            Path video = sourceVideo(server);
            try (FakeCamera camera = FakeCamera.start("--file", video.toString())) {
                for (int i = 1; i <= 8; i++) {
                    HttpResponse<String> added = server.post("/api/cameras", admin,
                            "{\"name\":\"gate " + i + "\",\"url\":\"" + camera.url + "\"}");
                    assertEquals(201, added.statusCode(), added.body());
                }
                assertEquals(200, server.post("/api/nvr/start", admin, "{}").statusCode());
                List<Thread> viewers = new ArrayList<>();
                for (int v = 1; v <= 2; v++) {
                    String path = "/api/cameras/gate-" + v + "/live?width=960&fps=5&access_token=" + admin;
                    Thread viewer = new Thread(() -> watch(server, path));
                    viewer.start();
                    viewers.add(viewer);
                }
                Thread.sleep(SECONDS * 1000L);
                report(server, "8 cameras recording for " + SECONDS + " s, 2 live viewers");
                viewers.forEach(Thread::interrupt);
                assertEquals(200, server.post("/api/nvr/stop", admin, "{}").statusCode());
            }
        }
    }

    /** Reads a live view until interrupted, as a browser tab would. */
    private static void watch(ParkirServer server, String path) {
        try {
            HttpResponse<InputStream> live = server.getStream(path);
            try (InputStream in = live.body()) {
                byte[] buffer = new byte[65536];
                while (!Thread.currentThread().isInterrupted() && in.read(buffer) >= 0) {
                    // the frames go nowhere
                }
            }
        } catch (Exception stopped) {
            // the viewer left
        }
    }

    private static void report(ParkirServer server, String when) throws Exception {
        long pid = server.javaProcess().orElseThrow();
        long ffmpeg = server.processes().filter(h -> h.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .mapToLong(h -> Latencies.residentMegabytes(h.pid(), "VmRSS")).sum();
        long count = server.processes().filter(h -> h.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false)).count();
        System.out.printf("%n%s: server JVM resident %d MB (peak %d MB); %d ffmpeg processes %d MB%n", when,
                Latencies.residentMegabytes(pid, "VmRSS"), Latencies.residentMegabytes(pid, "VmHWM"), count, ffmpeg);
        Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true).start();
        String nmt = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        for (String line : nmt.split("\n")) {
            if (line.matches("^(Total|-\\s+\\S.*)\\(reserved=.*") || line.startsWith("Total")) {
                System.out.println("  " + line.trim());
            }
        }
    }

    /** 100 s of a moving 1080p25 test pattern, H.264 4 Mbit/s, made once with the server's own ffmpeg. */
    private static Path sourceVideo(ParkirServer server) throws Exception {
        Path video = Paths.get("target", "memory-1080p25-4mbit.mp4").toAbsolutePath();
        if (!Files.exists(video)) {
            Path programs = server.home.resolve("data/parkir-ffmpeg");
            ProcessBuilder pb = new ProcessBuilder(programs.resolve("ffmpeg").toString(), "-hide_banner", "-loglevel", "error",
                    "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-t", Integer.toString(SECONDS + 40),
                    "-c:v", "libopenh264", "-b:v", "4M", "-g", "50", "-pix_fmt", "yuv420p", "-y", video.toString()).inheritIO();
            pb.environment().put("LD_LIBRARY_PATH", programs.toString());
            assertEquals(0, pb.start().waitFor(), "encoding the cameras' video");
        }
        return video;
    }
}

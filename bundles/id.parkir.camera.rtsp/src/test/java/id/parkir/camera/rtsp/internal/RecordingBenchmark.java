package id.parkir.camera.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.parkir.api.nvr.CameraDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How much CPU recording costs per 1080p25 4 Mbit/s camera, and how many such cameras this
 * machine records with no footage dropped. The cameras are the fake camera serving one H.264
 * file as is ({@code --file}, no encoding on the camera side), made once by the bundled ffmpeg.
 *
 * <pre>mvn -pl bundles/id.parkir.camera.rtsp -Pbenchmark test</pre>
 * Prints, per number of cameras: the recorder's CPU per camera (% of one core, from
 * /proc/PID/stat) and the footage its worst camera recorded against the wall time (including the
 * first 8 s, in which the cameras connect).
 */
class RecordingBenchmark {
    static final int WINDOW_SECONDS = Integer.getInteger("bench.window", 30);
    static final int[] CAMERAS = Stream.of(System.getProperty("bench.cameras", "1,4,8,16,24").split(","))
            .mapToInt(Integer::parseInt).toArray();

    @Test
    void recordingCostPerCamera() throws Exception {
        Path source = source();
        System.out.println("cameras | recorder CPU per camera (% of one core) | footage recorded / wall time, worst camera");
        try (FakeCamera cam = FakeCamera.start("--file", source.toString())) {
            for (int n : CAMERAS) {
                run(cam, n);
            }
        }
    }

    /** The camera's picture: a moving test pattern, H.264 at 4 Mbit/s, a keyframe every 2 s; made once. */
    static Path source() throws Exception {
        FfmpegCameraDriverTest.install();
        Path programs = FfmpegCameraDriverTest.programs;
        Path source = Paths.get("target/bench-1080p25-4mbit.mp4").toAbsolutePath();
        if (!Files.exists(source)) {
            Process enc = new ProcessBuilder(programs.resolve("ffmpeg").toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                    "-i", "testsrc2=size=1920x1080:rate=25", "-t", Integer.toString(Math.max(WINDOW_SECONDS + 60, 90)), "-c:v",
                    "libopenh264", "-b:v", "4M", "-g", "50", "-pix_fmt", "yuv420p", "-y", source.toString()).inheritIO().start();
            assertEquals(0, enc.waitFor(), "encoding the benchmark's source");
        }
        return source;
    }

    private static void run(FakeCamera cam, int n) throws Exception {
        Path storage = Files.createTempDirectory("bench-nvr");
        List<CameraDriver.Recording> recs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            recs.add(FfmpegCameraDriverTest.driver.record(cam.url, storage, "cam" + i, 10, ZoneId.of("Asia/Jakarta")));
        }
        Thread.sleep(8000); // connected, first segment open
        List<Long> pids = ffmpegPids(storage);
        long[] cpu0 = pids.stream().mapToLong(RecordingBenchmark::cpuTicks).toArray();
        long t0 = System.nanoTime();
        Thread.sleep(WINDOW_SECONDS * 1000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = pids.stream().mapToLong(RecordingBenchmark::cpuTicks).toArray();
        recs.forEach(CameraDriver.Recording::close);
        double ticks = 100.0; // USER_HZ
        double perCamera = 0;
        for (int i = 0; i < cpu0.length; i++) {
            perCamera += (cpu1[i] - cpu0[i]) / ticks / wall * 100;
        }
        perCamera /= Math.max(1, cpu0.length);
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            worst = Math.min(worst, recordedSeconds(storage.resolve(java.time.LocalDate.now(ZoneId.of("Asia/Jakarta")).toString()).resolve("cam" + i)));
        }
        double expected = wall + 8;
        System.out.printf("%7d | %38.2f | %.1f s of %.1f s (%.0f%%), %d processes measured%n", n, perCamera, worst,
                expected, worst / expected * 100, cpu0.length);
    }

    /** The ffmpeg processes writing into this storage (not their sh guards, whose command lines name it too). */
    private static List<Long> ffmpegPids(Path storage) {
        return ProcessHandle.allProcesses().filter(h -> h.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false)
                && h.info().commandLine().map(c -> c.contains(storage.toString())).orElse(false)).map(ProcessHandle::pid).toList();
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException e) {
            return 0;
        }
    }

    /** Seconds of video in a camera's segments, by ffprobe. */
    private static double recordedSeconds(Path folder) throws Exception {
        double total = 0;
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".ts")).toList()) {
                Process p = new ProcessBuilder(FfmpegCameraDriverTest.programs.resolve("ffprobe").toString(), "-v", "quiet",
                        "-show_entries", "format=duration", "-of", "csv=p=0", f.toString()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor();
                try {
                    total += Double.parseDouble(out);
                } catch (NumberFormatException empty) {
                    // a file with no packet yet
                }
            }
        }
        return total;
    }
}

package id.parkir.camera.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.nvr.CameraDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's ffmpeg against a real RTSP server (the fake camera), plain and behind Digest auth. */
class FfmpegCameraDriverTest {
    static Path programs;
    static FfmpegCameraDriver driver;
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @BeforeAll
    static void install() throws IOException {
        // the programs unpacked by the build (the bundle carries the same files)
        Path natives = Paths.get(System.getProperty("natives.dir", "target/natives/linux-x86_64"));
        programs = Files.createTempDirectory("parkir-ffmpeg");
        try (Stream<Path> files = Files.list(natives)) {
            for (Path f : files.toList()) {
                Files.copy(f, programs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String p : Ffmpeg.PROGRAMS) {
            assertTrue(programs.resolve(p).toFile().setExecutable(true));
        }
        driver = new FfmpegCameraDriver(programs.resolve("ffmpeg"));
    }

    /** ffprobe's verdict on a file: codec, frames, duration; exit code non-zero when unplayable. */
    static String probe(Path file) throws Exception {
        Process p = new ProcessBuilder(programs.resolve("ffprobe").toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames:format=duration", "-of", "default=nw=1", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "ffprobe " + file + ": " + out);
        return out;
    }

    static int frames(String probe) {
        return probe.lines().filter(l -> l.startsWith("nb_read_frames=")).mapToInt(l -> Integer.parseInt(l.substring(15))).findFirst().orElse(0);
    }

    @Test
    void snapshotIsAJpegOfTheCamera() throws Exception {
        try (FakeCamera cam = FakeCamera.start()) {
            byte[] jpeg = driver.snapshot(cam.url, Duration.ofSeconds(15));
            assertTrue(jpeg.length > 1000, "a real picture: " + jpeg.length);
            assertEquals((byte) 0xFF, jpeg[0]);
            assertEquals((byte) 0xD8, jpeg[1]);
        }
    }

    @Test
    void badAddressesAreAnsweredWithTheReason() throws Exception {
        int closed = FakeCamera.freePort();
        ParkirException refused = assertThrows(ParkirException.class,
                () -> driver.snapshot("rtsp://127.0.0.1:" + closed + "/cam1", Duration.ofSeconds(15)));
        assertEquals("camera_unreachable", refused.code());
        assertTrue(refused.getMessage().contains("connection refused"), refused.getMessage());
        try (FakeCamera cam = FakeCamera.start("--user", "admin", "--password", "s3cret", "--digest")) {
            String wrong = "rtsp://admin:wrong@127.0.0.1:" + cam.port + "/cam1";
            ParkirException denied = assertThrows(ParkirException.class, () -> driver.snapshot(wrong, Duration.ofSeconds(15)));
            assertTrue(denied.getMessage().contains("wrong user name or password"), denied.getMessage());
            assertFalse(denied.getMessage().contains("wrong@"), "the password is never shown: " + denied.getMessage());
            byte[] jpeg = driver.snapshot("rtsp://admin:s3cret@127.0.0.1:" + cam.port + "/cam1", Duration.ofSeconds(15));
            assertEquals((byte) 0xD8, jpeg[1], "Digest auth with the right password works");
        }
    }

    @Test
    void recordsPlayableSegmentsByDateAndCameraEvenWhenKilled(@TempDir Path storage) throws Exception {
        try (FakeCamera cam = FakeCamera.start()) {
            CameraDriver.Recording rec = driver.record(cam.url, storage, "gate1", 2, JAKARTA);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            Path folder = storage.resolve(LocalDate.now(JAKARTA).toString()).resolve("gate1");
            while (System.nanoTime() < deadline && segments(folder).size() < 4) {
                Thread.sleep(250);
            }
            assertTrue(rec.alive(), rec.lastError());
            assertTrue(rec.bytesWritten() > 0 && rec.fps() > 0, "progress reported: " + rec.bytesWritten() + " bytes, " + rec.fps() + " fps");
            // SIGKILL mid-segment: what is on disk must still play
            rec.kill();
            Thread.sleep(500);
            assertFalse(rec.alive());
            List<Path> files = segments(folder);
            // a file opened in the instant of the kill may hold nothing yet (the recorder skips those)
            if (Files.size(files.get(files.size() - 1)) == 0) {
                files = files.subList(0, files.size() - 1);
            }
            assertTrue(files.size() >= 3, "segments of 2 s: " + files);
            for (Path f : files) {
                assertTrue(f.getFileName().toString().matches("\\d{6}\\.ts"), f.toString());
                String probe = probe(f);
                assertTrue(probe.contains("codec_name=h264"), probe);
                assertTrue(frames(probe) > 0, f + ": " + probe);
            }
            // a full segment holds about 2 s of 25 fps
            int middle = frames(probe(files.get(1)));
            assertTrue(middle >= 25 && middle <= 100, "frames in a 2 s segment: " + middle);
        }
    }

    static List<Path> segments(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".ts")).sorted().toList();
        }
    }

    @Test
    void theSiteTimeZoneReachesFfmpegAsTheCLibraryReadsIt() {
        // POSIX TZ counts west-positive: a naive "UTC+7" would name files 14 hours off
        assertEquals("<+0700>-7", FfmpegProcess.posixTimeZone(ZoneId.of("+07:00")));
        assertEquals("<+0530>-5:30", FfmpegProcess.posixTimeZone(ZoneId.of("+05:30")));
        assertEquals("<-0300>3", FfmpegProcess.posixTimeZone(ZoneId.of("-03:00")));
        String jakarta = FfmpegProcess.posixTimeZone(JAKARTA);
        assertTrue(jakarta.equals(":/usr/share/zoneinfo/Asia/Jakarta") || jakarta.equals("<+0700>-7"), jakarta);
    }

    @Test
    void passwordsAreMaskedInAnyText() {
        assertEquals("camera rtsp://admin:***@10.0.0.5:554/s1: 401", CameraUrls.masked("camera rtsp://admin:p4ss@10.0.0.5:554/s1: 401"));
        assertEquals("rtsp://10.0.0.5/s1", CameraUrls.masked("rtsp://10.0.0.5/s1"));
    }
}

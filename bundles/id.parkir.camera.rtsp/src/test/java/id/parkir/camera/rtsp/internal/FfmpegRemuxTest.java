package id.parkir.camera.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded segments to fragmented MP4: two 10 s MPEG-TS segments made as the recorder makes them
 * (segment muxer, timestamps reset per file), a keyframe every second, then windows cut from them.
 */
class FfmpegRemuxTest {
    @TempDir
    static Path folder;
    static List<Path> segments;
    static FfmpegRemux remux;

    @BeforeAll
    static void record() throws Exception {
        FfmpegCameraDriverTest.install();
        Path ffmpeg = FfmpegCameraDriverTest.programs.resolve("ffmpeg");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25", "-t", "20", "-c:v", "libopenh264", "-g", "25", "-pix_fmt", "yuv420p",
                "-f", "segment", "-segment_time", "10", "-segment_format", "mpegts", "-reset_timestamps", "1",
                folder.resolve("%d.ts").toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        segments = List.of(folder.resolve("0.ts"), folder.resolve("1.ts"));
        remux = new FfmpegRemux(ffmpeg);
    }

    @Test
    void footageStartsOnTheKeyframeAtOrBeforeTheOffset() {
        assertEquals(Duration.ofSeconds(3), remux.keyframeAtOrBefore(segments.get(0), Duration.ofMillis(3500)));
        assertEquals(Duration.ofSeconds(3), remux.keyframeAtOrBefore(segments.get(0), Duration.ofSeconds(3)));
        assertEquals(Duration.ZERO, remux.keyframeAtOrBefore(segments.get(0), Duration.ofMillis(300)));
        assertEquals(Duration.ofSeconds(9), remux.keyframeAtOrBefore(segments.get(0), Duration.ofSeconds(60)), "past the end: the last one");
    }

    @Test
    void aWindowOverTheJoinIsOneFragmentedMp4ThatPlaysAcrossIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        remux.remux(segments, Duration.ofMillis(7500), Duration.ofSeconds(5), out);
        byte[] mp4 = out.toByteArray();
        assertEquals("ftyp", new String(mp4, 4, 4, StandardCharsets.ISO_8859_1));
        String boxes = topLevelBoxes(mp4);
        assertTrue(boxes.startsWith("ftyp moov moof mdat moof mdat"), boxes);
        Path file = folder.resolve("window.mp4");
        Files.write(file, mp4);
        String probe = FfmpegCameraDriverTest.probe(file);
        // from the keyframe at 7 s to 12.5 s: 2.5 s before the join and 2.5 s after it
        int frames = FfmpegCameraDriverTest.frames(probe);
        assertTrue(frames >= 136 && frames <= 139, "5.5 s at 25 fps: " + probe);
    }

    @Test
    void aViewerWhoLeavesTakesTheProcessWithHim() throws InterruptedException {
        OutputStream leaves = new OutputStream() {
            private int writes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes > 1) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        assertThrows(IOException.class, () -> remux.remux(segments, Duration.ZERO, Duration.ofSeconds(20), leaves));
        // the guard's watcher (a copy of its shell) may take a moment to see its input close
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (remuxProcesses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, remuxProcesses(), "no ffmpeg left");
    }

    private static long remuxProcesses() {
        return ProcessHandle.current().descendants().filter(h -> h.info().commandLine().orElse("").contains("frag_keyframe")).count();
    }

    /** The types of the top-level boxes, e.g. "ftyp moov moof mdat ...". */
    static String topLevelBoxes(byte[] mp4) {
        StringBuilder s = new StringBuilder();
        int at = 0;
        while (at + 8 <= mp4.length) {
            long size = ((mp4[at] & 0xFFL) << 24) | ((mp4[at + 1] & 0xFF) << 16) | ((mp4[at + 2] & 0xFF) << 8) | (mp4[at + 3] & 0xFF);
            s.append(s.length() == 0 ? "" : " ").append(new String(mp4, at + 4, 4, StandardCharsets.ISO_8859_1));
            if (size < 8) {
                break;
            }
            at += (int) size;
        }
        return s.toString();
    }
}

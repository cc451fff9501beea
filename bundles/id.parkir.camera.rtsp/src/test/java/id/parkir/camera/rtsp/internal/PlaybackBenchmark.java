package id.parkir.camera.rtsp.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a playback viewer costs the server: a 1080p25 4 Mbit/s camera (the fake camera serving
 * one H.264 file as is) recorded into 10 s segments, then 30 s windows over two joins remuxed
 * to fragmented MP4 as a viewer would ask for them: the keyframe lookup (the POST), then the
 * remux read as fast as it comes (the GET). CPU is what this JVM's reaped children (ffprobe,
 * sh, ffmpeg) used, from /proc/self/stat, so nothing a short process spends is missed.
 *
 * <pre>mvn -pl bundles/id.parkir.camera.rtsp -Pbenchmark test -Dtest=PlaybackBenchmark</pre>
 */
class PlaybackBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 10);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void playbackCostPerViewer() throws Exception {
        Path source = RecordingBenchmark.source();
        Path storage = Files.createTempDirectory("bench-playback");
        try (FakeCamera cam = FakeCamera.start("--file", source.toString())) {
            var rec = FfmpegCameraDriverTest.driver.record(cam.url, storage, "cam", 10, JAKARTA);
            Thread.sleep(48_000);
            rec.close(); // reaped now, so its CPU is not counted below
        }
        List<Path> segments = FfmpegCameraDriverTest.segments(storage.resolve(LocalDate.now(JAKARTA).toString()).resolve("cam"));
        assertTrue(segments.size() >= 4, "segments: " + segments);
        // from 5 s into the second segment for 30 s: across two joins
        List<Path> window = segments.subList(1, 4);
        FfmpegRemux remux = new FfmpegRemux(FfmpegCameraDriverTest.programs.resolve("ffmpeg"));
        System.out.println("viewers | CPU per viewer, s (% of one core over the 30 s played) | to first bytes / first fragment, ms (median, max)");
        for (int viewers : new int[] {1, 8}) {
            double cpu0 = childCpuSeconds();
            long[] firstBytes = new long[RUNS * viewers];
            long[] firstFragments = new long[RUNS * viewers];
            ExecutorService pool = Executors.newFixedThreadPool(viewers);
            for (int run = 0; run < RUNS; run++) {
                List<Future<long[]>> all = new ArrayList<>();
                for (int v = 0; v < viewers; v++) {
                    all.add(pool.submit(() -> view(remux, window)));
                }
                for (int v = 0; v < viewers; v++) {
                    long[] t = all.get(v).get();
                    firstBytes[run * viewers + v] = t[0];
                    firstFragments[run * viewers + v] = t[1];
                }
            }
            pool.shutdown();
            double perViewer = (childCpuSeconds() - cpu0) / (RUNS * viewers);
            Arrays.sort(firstBytes);
            Arrays.sort(firstFragments);
            int n = firstBytes.length;
            System.out.printf("%7d | %.3f s (%.2f%%) | %d / %d median, %d / %d max%n", viewers, perViewer, perViewer / 30 * 100,
                    firstBytes[n / 2], firstFragments[n / 2], firstBytes[n - 1], firstFragments[n - 1]);
        }
    }

    /** One viewer: the lookup, then the remux to its end; answers ms to the first byte and to the first whole fragment. */
    private static long[] view(FfmpegRemux remux, List<Path> window) throws Exception {
        long t0 = System.nanoTime();
        Duration start = remux.keyframeAtOrBefore(window.get(0), Duration.ofSeconds(5));
        FragmentWatch out = new FragmentWatch();
        remux.remux(window, start, Duration.ofSeconds(30), out);
        assertTrue(out.bytes > 5_000_000, "30 s at 4 Mbit/s: " + out.bytes);
        return new long[] {(out.firstByte - t0) / 1_000_000, (out.firstFragment - t0) / 1_000_000};
    }

    /** Counts what comes and notes when the first byte and the end of the first moof+mdat arrived. */
    private static final class FragmentWatch extends OutputStream {
        long bytes;
        long firstByte;
        long firstFragment;
        private final java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (firstByte == 0) {
                firstByte = System.nanoTime();
            }
            bytes += len;
            if (firstFragment == 0) {
                head.write(b, off, len);
                if (firstFragmentComplete(head.toByteArray())) {
                    firstFragment = System.nanoTime();
                }
            }
        }

        private static boolean firstFragmentComplete(byte[] mp4) {
            int at = 0;
            boolean moof = false;
            while (at + 8 <= mp4.length) {
                long size = ((mp4[at] & 0xFFL) << 24) | ((mp4[at + 1] & 0xFF) << 16) | ((mp4[at + 2] & 0xFF) << 8) | (mp4[at + 3] & 0xFF);
                if (size < 8 || at + size > mp4.length) {
                    return false;
                }
                String type = new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (moof && type.equals("mdat")) {
                    return true;
                }
                moof = type.equals("moof");
                at += (int) size;
            }
            return false;
        }
    }

    private static double childCpuSeconds() throws Exception {
        String stat = Files.readString(Paths.get("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime
    }
}

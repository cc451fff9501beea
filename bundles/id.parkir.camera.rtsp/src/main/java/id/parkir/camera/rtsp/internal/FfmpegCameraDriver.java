package id.parkir.camera.rtsp.internal;

import id.parkir.api.BundledFiles;
import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.nvr.CameraDriver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTSP and HTTP cameras through the ffmpeg program, one supervised child process per recording,
 * snapshot or live view. Recording is a stream copy (no decoding) into MPEG-TS segments, a
 * container that stays playable up to its last packet when the process is killed.
 */
@Component(property = {PluginProperties.ID + "=" + FfmpegCameraDriver.ID,
        PluginProperties.NAME + "=RTSP/HTTP cameras (FFmpeg)"})
public class FfmpegCameraDriver implements CameraDriver {
    static final String ID = "rtsp";
    static final String SEGMENT_EXTENSION = "ts";
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegCameraDriver.class);
    /** How long a camera may stay silent before ffmpeg gives up on it. */
    static final long IO_TIMEOUT_MICROS = 5_000_000;

    private final Path ffmpeg;
    private final FfmpegRemux remux;

    @Activate
    public FfmpegCameraDriver() throws IOException {
        this(Ffmpeg.install(BundledFiles.dataFolder("parkir-ffmpeg")));
    }

    FfmpegCameraDriver(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.remux = new FfmpegRemux(ffmpeg);
    }

    @Override
    public boolean handles(String url) {
        return List.of("rtsp", "rtsps", "http", "https").contains(CameraUrls.scheme(url));
    }

    @Override
    public byte[] snapshot(String url, Duration timeout) {
        List<String> args = new ArrayList<>(List.of("-loglevel", "error"));
        args.addAll(CameraUrls.inputOptions(url, IO_TIMEOUT_MICROS));
        args.addAll(List.of("-an", "-frames:v", "1", "-q:v", "3", "-c:v", "mjpeg", "-f", "image2", "pipe:1"));
        FfmpegProcess p = start(args, null, line -> { });
        long t0 = System.nanoTime();
        try (InputStream in = p.process.getInputStream()) {
            byte[] jpeg = readAll(in, timeout, p);
            boolean ended = p.process.waitFor(2, TimeUnit.SECONDS);
            p.awaitErrors();
            boolean timedOut = !ended || System.nanoTime() - t0 >= timeout.toNanos();
            if (timedOut || p.process.exitValue() != 0 || jpeg.length == 0) {
                throw unreachable(url, timedOut ? "timed out" : p.errors());
            }
            return jpeg;
        } catch (IOException e) {
            throw unreachable(url, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(url, "interrupted");
        } finally {
            p.kill();
        }
    }

    private static byte[] readAll(InputStream in, Duration timeout, FfmpegProcess p) throws IOException {
        // a watchdog, since a blocking read cannot time out: kill the process and the read ends
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.kill();
                }
            } catch (InterruptedException done) {
                // finished in time
            }
        }, "ffmpeg-snapshot-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return in.readAllBytes();
        } finally {
            watchdog.interrupt();
        }
    }

    private static ParkirException unreachable(String url, String errors) {
        return ParkirException.unavailable("camera_unreachable",
                "camera " + CameraUrls.masked(url) + ": " + CameraUrls.reason(errors));
    }

    @Override
    public LiveView liveView(String url, int maxWidth, int fps, OutputStream out) {
        List<String> args = new ArrayList<>(List.of("-loglevel", "error"));
        args.addAll(CameraUrls.inputOptions(url, IO_TIMEOUT_MICROS));
        args.addAll(List.of("-an", "-vf", "fps=" + fps + ",scale='min(" + maxWidth + ",iw)':-2", "-c:v", "mjpeg", "-q:v", "5",
                "-f", "mpjpeg", "-boundary_tag", "parkirframe", "pipe:1"));
        FfmpegProcess p = start(args, null, line -> { });
        Thread pump = new Thread(() -> {
            try (InputStream in = p.process.getInputStream()) {
                in.transferTo(out);
            } catch (IOException viewerGone) {
                // the browser closed the page
            } finally {
                p.stop(1000);
            }
        }, "ffmpeg-live-" + p.process.pid());
        pump.setDaemon(true);
        pump.start();
        return new LiveView() {
            @Override
            public void await() throws InterruptedException {
                pump.join();
            }

            @Override
            public void close() {
                p.stop(1000);
            }
        };
    }

    @Override
    public Recording record(String url, Path storage, String camera, int segmentSeconds, ZoneId zone) {
        ensureFolders(storage, camera, zone);
        // log level info: the input's frame rate and each segment opened come in the log
        List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-progress", "pipe:1", "-stats_period", "1"));
        args.addAll(CameraUrls.inputOptions(url, IO_TIMEOUT_MICROS));
        // flush_packets on the segment files themselves: the segment muxer's own flag does not reach
        // them, and a kill then lost the first 1-2 s of a fresh segment still held in its buffer
        args.addAll(List.of("-map", "0:v:0", "-map", "0:a?", "-c", "copy", "-flush_packets", "1",
                "-f", "segment", "-segment_time", Integer.toString(segmentSeconds), "-segment_atclocktime", "1",
                "-segment_format", "mpegts", "-segment_format_options", "flush_packets=1", "-reset_timestamps", "1", "-strftime", "1",
                storage.resolve("%Y-%m-%d").resolve(camera).resolve("%H%M%S." + SEGMENT_EXTENSION).toString()));
        FfmpegRecording recording = new FfmpegRecording();
        recording.start(start(args, zone.getId(), recording::logLine), storage, camera, zone);
        return recording;
    }

    @Override
    public Duration keyframeAtOrBefore(Path segment, Duration offset) {
        return remux.keyframeAtOrBefore(segment, offset);
    }

    @Override
    public void remux(List<Path> segments, Duration offset, Duration length, OutputStream out) throws IOException {
        remux.remux(segments, offset, length, out);
    }

    /** Today's and tomorrow's folders: ffmpeg names files by the clock but does not make folders. */
    static void ensureFolders(Path storage, String camera, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        for (LocalDate d : List.of(today, today.plusDays(1))) {
            try {
                Files.createDirectories(storage.resolve(d.toString()).resolve(camera));
            } catch (IOException e) {
                LOG.warn("Cannot create the recording folder for {} on {}: {}", camera, d, e.getMessage());
            }
        }
    }

    private FfmpegProcess start(List<String> args, String zone, java.util.function.Consumer<String> log) {
        try {
            return FfmpegProcess.start(ffmpeg, args, zone, log);
        } catch (IOException e) {
            throw ParkirException.unavailable("recorder_unavailable", "cannot start ffmpeg: " + e.getMessage());
        }
    }

    /**
     * A recording process and what it reports: media time from its progress output; the frame
     * rate of the input and each segment file it opens from its log; bytes from the files.
     */
    static final class FfmpegRecording implements Recording {
        private static final java.util.regex.Pattern OPENING = java.util.regex.Pattern.compile("Opening '(.+)' for writing");
        private static final java.util.regex.Pattern FPS = java.util.regex.Pattern.compile("Video: .*?([0-9.]+) fps");
        private FfmpegProcess p;
        private volatile long mediaMicros;
        private volatile double fps;
        private volatile Path currentFile;
        private volatile long closedFilesBytes;

        void start(FfmpegProcess process, Path storage, String camera, ZoneId zone) {
            this.p = process;
            Thread reader = new Thread(() -> readProgress(storage, camera, zone), "ffmpeg-progress-" + camera);
            reader.setDaemon(true);
            reader.start();
        }

        void logLine(String line) {
            java.util.regex.Matcher m = OPENING.matcher(line);
            if (m.find()) {
                Path previous = currentFile;
                if (previous != null) {
                    closedFilesBytes += size(previous);
                }
                currentFile = Path.of(m.group(1));
                return;
            }
            m = FPS.matcher(line);
            if (fps == 0 && line.contains("Stream #0") && m.find()) {
                fps = Double.parseDouble(m.group(1));
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException gone) {
                return 0;
            }
        }

        private void readProgress(Path storage, String camera, ZoneId zone) {
            long lastFolders = System.nanoTime();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("out_time_us=")) {
                        try {
                            mediaMicros = Long.parseLong(line.substring(12).trim());
                        } catch (NumberFormatException notYet) {
                            // "N/A" before the first packet
                        }
                    }
                    if (System.nanoTime() - lastFolders > TimeUnit.MINUTES.toNanos(1)) {
                        ensureFolders(storage, camera, zone);
                        lastFolders = System.nanoTime();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }

        @Override
        public boolean alive() {
            return p.process.isAlive();
        }

        @Override
        public long bytesWritten() {
            Path current = currentFile;
            return closedFilesBytes + (current == null ? 0 : size(current));
        }

        @Override
        public double fps() {
            return mediaMicros > 0 ? fps : 0;
        }

        @Override
        public double bitrate() {
            long micros = mediaMicros;
            return micros <= 0 ? 0 : bytesWritten() * 8.0 / (micros / 1e6);
        }

        @Override
        public String lastError() {
            if (p.process.isAlive()) {
                return null;
            }
            try {
                p.awaitErrors(); // the last lines may still be on their way from the pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String errors = p.errors();
            return errors.isEmpty() ? null : CameraUrls.reason(errors);
        }

        @Override
        public void close() {
            p.stop(5000);
        }

        @Override
        public void kill() {
            p.kill();
        }
    }
}

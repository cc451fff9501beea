package id.parkir.camera.rtsp.internal;

import id.parkir.api.ParkirException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded MPEG-TS segments as fragmented MP4 for a browser's {@code <video>}, by stream copy:
 * FFmpeg's concat demuxer joins the segments (so a window over a join plays on), {@code inpoint}
 * on the first file starts it on a keyframe, {@code -t} ends it, and the MP4 is written in
 * fragments (an empty {@code moov}, then a {@code moof}+{@code mdat} per keyframe) to a pipe,
 * so the first picture goes out before the rest is made.
 */
final class FfmpegRemux {
    private static final Logger LOG = LoggerFactory.getLogger(FfmpegRemux.class);
    /** How far before the wanted offset the keyframe is looked for first (cameras send one every 1-4 s). */
    private static final double LOOK_BACK_SECONDS = 10;

    private final Path ffmpeg;
    private final Path ffprobe;

    FfmpegRemux(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffmpeg.resolveSibling("ffprobe");
    }

    /** A segment's first timestamp and its keyframe at or before an offset, in seconds of its own clock. */
    record Cue(double startTime, double keyframe) {
        Duration offset() {
            return Duration.ofNanos(Math.round((keyframe - startTime) * 1e9));
        }
    }

    Duration keyframeAtOrBefore(Path segment, Duration offset) {
        return cue(segment, offset).offset();
    }

    Cue cue(Path segment, Duration offset) {
        double wanted = Math.max(0, offset.toNanos() / 1e9);
        double back = Math.max(0, wanted - LOOK_BACK_SECONDS);
        // ffprobe's "+A%+B" reads from A s after the file's first timestamp for B s: a seek, not a scan
        Cue cue = probe(segment, "+" + seconds(back) + "%+" + seconds(wanted - back + 0.001), wanted);
        if (Double.isNaN(cue.keyframe()) && back > 0) {
            cue = probe(segment, "%+" + seconds(wanted + 0.001), wanted); // keyframes further apart: from the start
        }
        return Double.isNaN(cue.keyframe()) ? new Cue(cue.startTime(), cue.startTime()) : cue;
    }

    private Cue probe(Path segment, String interval, double wanted) {
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "format=start_time:packet=pts_time,flags", "-of", "csv", "-read_intervals", interval,
                segment.toString());
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (IOException e) {
            throw ParkirException.unavailable("playback_failed", "cannot read the recording: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParkirException.unavailable("playback_failed", "interrupted");
        }
        double start = Double.NaN;
        List<Double> keys = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(",");
            if (f.length >= 2 && f[0].equals("format")) {
                start = number(f[1]);
            } else if (f.length >= 3 && f[0].equals("packet") && f[2].startsWith("K")) {
                keys.add(number(f[1]));
            }
        }
        if (Double.isNaN(start)) {
            throw ParkirException.notFound("no_footage", "the recording " + segment.getFileName() + " holds no video");
        }
        double key = Double.NaN;
        for (double k : keys) {
            // a millisecond's grace: the offset asked for may be a keyframe found before, rounded
            if (k - start <= wanted + 0.001 && (Double.isNaN(key) || k > key)) {
                key = k;
            }
        }
        return new Cue(start, key);
    }

    /**
     * Runs ffmpeg over the segments and copies what it writes to {@code out}, flushing each piece.
     * When {@code out} refuses, ffmpeg's pipe is closed (it ends on the broken pipe) and it is
     * stopped like every child: no process outlives its viewer.
     */
    void remux(List<Path> segments, Duration offset, Duration length, OutputStream out) throws IOException {
        if (segments.isEmpty()) {
            throw ParkirException.notFound("no_footage", "no recording to play");
        }
        Cue cue = cue(segments.get(0), offset);
        // -t counts from the keyframe, which may lie before the offset asked for
        double seconds = length.toNanos() / 1e9 + (offset.toNanos() / 1e9 - (cue.keyframe() - cue.startTime()));
        Path list = concatList(segments, cue.keyframe());
        FfmpegProcess p;
        try {
            p = FfmpegProcess.start(ffmpeg, List.of("-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list.toString(),
                    "-map", "0:v:0", "-c", "copy", "-t", seconds(Math.max(0.04, seconds)),
                    "-movflags", "frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "pipe:1"), null, line -> { });
        } catch (IOException e) {
            Files.deleteIfExists(list);
            throw ParkirException.unavailable("playback_failed", "cannot start ffmpeg: " + e.getMessage());
        }
        boolean viewerLeft = false;
        try (InputStream in = p.process.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                try {
                    out.write(buf, 0, n);
                    out.flush();
                } catch (IOException gone) {
                    viewerLeft = true;
                    throw gone;
                }
            }
        } finally {
            p.stop(1000);
            Files.deleteIfExists(list);
            if (!viewerLeft && !p.process.isAlive() && p.process.exitValue() != 0) {
                LOG.warn("Playback of {} ended with ffmpeg's error: {}", segments.get(0).getFileName(), p.errors());
            }
        }
    }

    /**
     * FFmpeg's concat script for the segments, owner-only in the temporary folder. The paths are
     * the recorder's own files; quotes are escaped and line breaks (which would end a directive) refused.
     */
    private static Path concatList(List<Path> segments, double inpoint) throws IOException {
        StringBuilder s = new StringBuilder("ffconcat version 1.0\n");
        for (int i = 0; i < segments.size(); i++) {
            String path = segments.get(i).toAbsolutePath().toString();
            if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
                throw ParkirException.unavailable("playback_failed", "a recording's path holds a line break");
            }
            s.append("file '").append(path.replace("'", "'\\''")).append("'\n");
            if (i == 0) {
                s.append("inpoint ").append(seconds(inpoint)).append('\n');
            }
        }
        Path list = Files.createTempFile("parkir-playback", ".ffconcat");
        Files.writeString(list, s, StandardCharsets.UTF_8);
        return list;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }
}

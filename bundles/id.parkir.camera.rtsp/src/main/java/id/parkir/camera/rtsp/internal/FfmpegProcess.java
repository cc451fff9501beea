package id.parkir.camera.rtsp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * An ffmpeg child process that cannot outlive the server: it runs under a small {@code sh} guard
 * that stops it (SIGTERM, so ffmpeg closes its current file properly) as soon as its standard
 * input closes, which is what happens when the server stops it, and also when the server dies,
 * even of SIGKILL.
 */
final class FfmpegProcess {
    // a background job's stdin is /dev/null unless redirected: the watcher reads the guard's own stdin as fd 3
    private static final String GUARD = "exec 3<&0; \"$@\" </dev/null & p=$!; "
            + "(cat <&3 >/dev/null; kill -TERM $p 2>/dev/null) >/dev/null 2>&1 & exec 3<&-; wait $p";

    final Process process;
    private final Deque<String> errorTail = new ArrayDeque<>();
    private final Thread errorReader;

    private final Consumer<String> onErrorLine;

    private FfmpegProcess(Process process, Consumer<String> onErrorLine) {
        this.process = process;
        this.onErrorLine = onErrorLine;
        this.errorReader = new Thread(this::readErrors, "ffmpeg-stderr-" + process.pid());
        errorReader.setDaemon(true);
        errorReader.start();
    }

    /** @param onErrorLine sees every line ffmpeg writes to stderr (its log), passwords masked */
    static FfmpegProcess start(Path ffmpeg, List<String> args, String timeZone, Consumer<String> onErrorLine) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", GUARD, "parkir-ffmpeg", ffmpeg.toString(), "-hide_banner", "-nostats"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (timeZone != null) {
            pb.environment().put("TZ", posixTimeZone(java.time.ZoneId.of(timeZone))); // segment names use the site's time
        }
        return new FfmpegProcess(pb.start(), onErrorLine);
    }

    /**
     * The zone as the C library reads TZ: the system's zoneinfo file of a region id when there is
     * one, else the zone's current fixed offset (POSIX counts offsets west-positive: UTC+7 is "<+07>-7").
     */
    static String posixTimeZone(java.time.ZoneId zone) {
        java.nio.file.Path file = java.nio.file.Path.of("/usr/share/zoneinfo", zone.getId());
        if (zone.getId().contains("/") && java.nio.file.Files.isRegularFile(file)) {
            return ":" + file;
        }
        int seconds = zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds();
        int h = Math.abs(seconds) / 3600;
        int m = Math.abs(seconds) % 3600 / 60;
        String name = String.format("<%s%02d%02d>", seconds < 0 ? "-" : "+", h, m);
        return name + (seconds > 0 ? "-" : "") + h + (m == 0 ? "" : String.format(":%02d", m));
    }

    private void readErrors() {
        try (InputStream in = process.getErrorStream()) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n' || c == '\r') {
                    if (line.length() > 0) {
                        String masked = CameraUrls.masked(line.toString());
                        onErrorLine.accept(masked);
                        synchronized (errorTail) {
                            errorTail.addLast(masked);
                            if (errorTail.size() > 20) {
                                errorTail.removeFirst();
                            }
                        }
                        line.setLength(0);
                    }
                } else if (line.length() < 2000) {
                    line.append((char) c);
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** The last lines ffmpeg wrote to stderr, passwords masked. */
    String errors() {
        synchronized (errorTail) {
            return String.join("\n", errorTail);
        }
    }

    void awaitErrors() throws InterruptedException {
        errorReader.join(2000);
    }

    /** Asks ffmpeg to finish (closes its guard's input), then kills what is left after {@code graceMillis}. */
    void stop(long graceMillis) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!process.waitFor(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

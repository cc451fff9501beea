package id.parkir.camera.rtsp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ../shared/tools/fake-camera, a real RTSP server (GStreamer) on loopback, for as long as a test
 * needs it. Also used by the integration tests (this module's test jar).
 */
public final class FakeCamera implements AutoCloseable {
    static final Path TOOL = tool();

    /** -Dparkir.shared, else the first shared/ found going up from here (it lies beside the clone). */
    private static Path tool() {
        String shared = System.getProperty("parkir.shared");
        if (shared != null) {
            return Paths.get(shared, "tools/fake-camera").toAbsolutePath();
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (java.nio.file.Files.exists(d.resolve("shared/tools/fake-camera"))) {
                return d.resolve("shared/tools/fake-camera");
            }
        }
        throw new IllegalStateException("../shared/tools/fake-camera not found; set -Dparkir.shared");
    }

    public final Process process;
    public final int port;
    public final String url;

    private FakeCamera(Process process, int port, String url) {
        this.process = process;
        this.port = port;
        this.url = url;
    }

    /** Starts one and waits for its "serving" line; {@code extra} as the tool's options (--user, --digest ...). */
    public static FakeCamera start(String... extra) throws IOException, InterruptedException {
        return startOn(freePort(), extra);
    }

    /** On a given port (a camera coming back where it was); fails if it cannot listen there. */
    public static FakeCamera startOn(int port, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(TOOL.toString(), "--port", Integer.toString(port), "--mount", "/cam1",
                "--size", "640x360", "--fps", "25", "--gop", "25", "--bitrate", "1000"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("serving")) {
                Thread drain = new Thread(() -> {
                    try {
                        r.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // camera stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new FakeCamera(p, port, "rtsp://127.0.0.1:" + port + "/cam1");
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("fake camera did not start (install its packages with " + TOOL + " --install): " + seen);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** kill -STOP: a hung camera, its TCP connection left open. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        for (ProcessHandle h : process.descendants().toList()) {
            new ProcessBuilder("kill", "-" + sig, Long.toString(h.pid())).start().waitFor();
        }
        new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).start().waitFor();
    }

    @Override
    public void close() throws Exception {
        try {
            thaw();
        } catch (IOException ignored) {
            // already gone
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}

package id.parkir.nvr.internal;

import id.parkir.api.nvr.CameraDriver;
import id.parkir.api.nvr.CameraStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one camera recording, on a thread of its own so one camera's trouble never stalls
 * another: starts the driver's recording, watches that it keeps writing, and when the camera
 * drops, refuses or freezes, says why and tries again after a wait that doubles up to a limit,
 * for as long as the camera is wanted.
 */
final class CameraSupervisor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSupervisor.class);

    /** What a supervisor needs to know; {@code url} is asked anew at every attempt (the camera may have been edited). */
    record Settings(Path storage, int segmentSeconds, ZoneId zone, Duration stall, Duration retryMax) {
    }

    private final String camera;
    private final Supplier<String> url;
    private final java.util.function.Function<String, CameraDriver> drivers;
    private final Settings settings;
    private final Instant stopsAt;
    private final Thread thread;
    private volatile boolean wanted = true;
    private volatile String state = "connecting";
    private volatile String reason;
    private volatile Instant since = Instant.now();
    private volatile Instant recordingSince;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile CameraDriver.Recording recording;

    CameraSupervisor(String camera, Supplier<String> url, java.util.function.Function<String, CameraDriver> drivers,
            Settings settings, Instant stopsAt) {
        this.camera = camera;
        this.url = url;
        this.drivers = drivers;
        this.settings = settings;
        this.stopsAt = stopsAt;
        this.thread = new Thread(this, "nvr-" + camera);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String camera() {
        return camera;
    }

    Instant stopsAt() {
        return stopsAt;
    }

    boolean wanted() {
        return wanted;
    }

    /** Stops recording (the current segment is finished properly) and waits for the thread. */
    void stop() {
        wanted = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long backoff = 1;
        while (wanted) {
            if (stopsAt != null && !Instant.now().isBefore(stopsAt)) {
                break;
            }
            String failure = recordOnce();
            if (!wanted) {
                break;
            }
            if (failure == null) {
                break; // its time was up
            }
            fail(failure);
            if (recordingSince != null) {
                backoff = 1; // it had been recording: start the waits afresh
            }
            recordingSince = null;
            set("retrying", failure + "; next attempt in " + backoff + " s");
            if (!sleep(Duration.ofSeconds(backoff))) {
                break;
            }
            backoff = Math.min(backoff * 2, Math.max(1, settings.retryMax().toSeconds()));
        }
        set("stopped", null);
        recordingSince = null;
        wanted = false; // a run whose time was up is over: its last segment is finished footage
    }

    /** Records until the camera fails (returns why), or until stopped or its time is up (returns null). */
    private String recordOnce() {
        String address;
        try {
            address = url.get();
        } catch (RuntimeException e) {
            return "camera settings unavailable: " + e.getMessage();
        }
        CameraDriver driver = drivers.apply(address);
        if (driver == null) {
            return "no camera driver installed for this address";
        }
        set("connecting", null);
        CameraDriver.Recording rec;
        try {
            rec = driver.record(address, settings.storage(), camera, settings.segmentSeconds(), settings.zone());
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        recording = rec;
        long lastBytes = -1;
        long lastGrowth = System.nanoTime();
        try {
            while (wanted) {
                if (stopsAt != null && !Instant.now().isBefore(stopsAt)) {
                    return null;
                }
                if (!rec.alive()) {
                    String why = rec.lastError();
                    return why == null ? "the camera stream ended" : why;
                }
                long bytes = rec.bytesWritten();
                if (bytes > lastBytes) {
                    lastBytes = bytes;
                    lastGrowth = System.nanoTime();
                    if (bytes > 0 && recordingSince == null) {
                        recordingSince = Instant.now();
                        set("recording", null);
                        LOG.info("Camera {} recording", camera);
                    }
                } else if (System.nanoTime() - lastGrowth > settings.stall().toNanos()) {
                    rec.kill();
                    return "camera frozen: nothing received for " + settings.stall().toSeconds() + " s";
                }
                if (!sleep(Duration.ofMillis(500))) {
                    return null;
                }
            }
            return null;
        } finally {
            rec.close();
            recording = null;
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void set(String newState, String why) {
        if (!newState.equals(state)) {
            since = Instant.now();
        }
        state = newState;
        reason = why;
    }

    private void fail(String why) {
        lastError = why;
        lastErrorAt = Instant.now();
        LOG.warn("Camera {}: {}", camera, why);
    }

    /** True while the driver is writing a segment. */
    boolean writing() {
        return recording != null && "recording".equals(state);
    }

    CameraStatus status(String name, String currentSegment, long bytesToday) {
        CameraDriver.Recording rec = recording;
        Instant rs = recordingSince;
        return new CameraStatus(camera, name, state, reason, since,
                rs == null ? 0 : Duration.between(rs, Instant.now()).toSeconds(),
                rec == null ? 0 : rec.fps(), rec == null ? 0 : rec.bitrate(), currentSegment, bytesToday, lastError, lastErrorAt,
                stopsAt);
    }
}

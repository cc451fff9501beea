package id.parkir.nvr.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.nvr.CameraDriver;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.FootagePlayer;
import id.parkir.api.nvr.Recorder;
import id.parkir.api.nvr.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Playback of recorded footage: finds the segments of a window through the {@link Recorder} and
 * has the camera's driver join and cut them, without re-encoding. Each stream is a process, so
 * at most {@code maxPlaybacks} run at once and a window is at most {@code maxPlaybackMinutes} long.
 */
@Component(configurationPid = "id.parkir.nvr", property = PluginProperties.ID + "=nvr")
public class NvrPlayback implements FootagePlayer {
    @Reference
    private Recorder recorder;

    @Reference
    private CameraService cameras;

    private final List<CameraDriver> drivers = new CopyOnWriteArrayList<>();
    private Semaphore places;
    private int maxPlaybacks;
    private Duration maxWindow;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(CameraDriver driver) {
        drivers.add(driver);
    }

    void unbindDriver(CameraDriver driver) {
        drivers.remove(driver);
    }

    @Activate
    void activate(NvrConfig config) {
        // an invalid value is reported by the recorder (which then refuses every call); bounded here all the same
        maxPlaybacks = Math.max(1, Math.min(64, config.maxPlaybacks()));
        places = new Semaphore(maxPlaybacks);
        maxWindow = Duration.ofMinutes(Math.max(1, Math.min(240, config.maxPlaybackMinutes())));
    }

    @Override
    public Clip find(String camera, Instant from, Instant to) {
        if (camera == null || camera.isBlank() || from == null || to == null) {
            throw ParkirException.invalid("window_invalid", "give camera, from and to (ISO-8601 instants)");
        }
        if (!from.isBefore(to)) {
            throw ParkirException.invalid("window_invalid", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(maxWindow) > 0) {
            throw ParkirException.invalid("window_invalid", "a window is at most " + maxWindow.toMinutes() + " minutes");
        }
        Instant now = Instant.now();
        Instant until = to.isAfter(now) ? now : to;
        List<Segment> segments = from.isBefore(until) ? recorder.segments(camera, from, until) : List.of();
        if (segments.isEmpty()) {
            cameras.get(camera); // camera_not_found before no_footage
            throw noFootage(camera);
        }
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        Instant start = from.isBefore(first.start()) ? first.start() : from;
        Instant end = until.isAfter(last.end()) ? last.end() : until;
        if (!start.isBefore(end)) {
            throw noFootage(camera);
        }
        Path file = recorder.file(first.id()).orElseThrow(() -> noFootage(camera));
        Duration key = driver(camera).keyframeAtOrBefore(file, Duration.between(first.start(), start));
        return new Clip(camera, first.start().plus(key), end);
    }

    @Override
    public Stream open(Clip clip) {
        if (!places.tryAcquire()) {
            throw ParkirException.unavailable("playback_busy",
                    maxPlaybacks + " recordings are being played already; try again in a moment");
        }
        AtomicBoolean released = new AtomicBoolean();
        Semaphore mine = places;
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                mine.release();
            }
        };
        try {
            List<Segment> segments = recorder.segments(clip.camera(), clip.start(), clip.end());
            List<Path> files = new ArrayList<>();
            for (Segment s : segments) {
                recorder.file(s.id()).ifPresent(files::add);
            }
            if (files.isEmpty() || segments.get(0).start().isAfter(clip.start())) {
                throw noFootage(clip.camera()); // deleted since it was found
            }
            Duration offset = Duration.between(segments.get(0).start(), clip.start());
            Duration length = Duration.between(clip.start(), clip.end());
            CameraDriver driver = driver(clip.camera());
            return new Stream() {
                @Override
                public String contentType() {
                    return "video/mp4";
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    try {
                        driver.remux(files, offset, length, out);
                    } finally {
                        release.run();
                    }
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private CameraDriver driver(String camera) {
        String url = cameras.streamUrl(camera);
        return drivers.stream().filter(d -> d.handles(url)).findFirst().orElseThrow(
                () -> ParkirException.unavailable("camera_driver_missing", "no camera driver is installed for this camera's address"));
    }

    private static ParkirException noFootage(String camera) {
        return ParkirException.notFound("no_footage", "camera " + camera + " has no footage in that window");
    }
}

package id.parkir.api.nvr;

import id.parkir.api.ParkirException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Opens cameras: takes snapshots, streams a live view, and records a camera's stream into
 * segment files. Carries {@link id.parkir.api.PluginProperties#ID} and {@code NAME}.
 */
public interface CameraDriver {
    /** Whether this driver opens addresses like {@code url} (by scheme). */
    boolean handles(String url);

    /**
     * One JPEG frame from the camera.
     *
     * @throws id.parkir.api.ParkirException {@code camera_unreachable} (with the reason: refused, timed
     *     out, wrong password, not a video stream)
     */
    byte[] snapshot(String url, Duration timeout);

    /**
     * Starts a live view: a {@code multipart/x-mixed-replace} stream of JPEG frames, written to
     * {@code out} until the camera fails, the returned handle is closed or {@code out} refuses.
     */
    LiveView liveView(String url, int maxWidth, int fps, OutputStream out);

    /**
     * Starts recording, without decoding, into {@code <storage>/<YYYY-MM-DD>/<camera>/<HHmmss>.<ext>}
     * segments of about {@code segmentSeconds}, each starting on a keyframe.
     */
    Recording record(String url, Path storage, String camera, int segmentSeconds, ZoneId zone);

    /**
     * Where footage can start in a segment this driver recorded: the offset from the segment's
     * start of the keyframe at or before {@code offset} (footage that is not re-encoded cannot
     * start between two keyframes).
     *
     * @throws id.parkir.api.ParkirException {@code playback_unsupported} (503) from a driver that cannot
     */
    default Duration keyframeAtOrBefore(Path segment, Duration offset) {
        throw ParkirException.unavailable("playback_unsupported", "this camera driver cannot play recordings");
    }

    /**
     * Writes segments this driver recorded, joined and without re-encoding, as fragmented MP4 to
     * {@code out} as it is made: from the keyframe at or before {@code offset} into the first
     * segment until {@code offset + length}. Blocks until all is written or {@code out} refuses
     * (then throws); the process that makes it has ended when this returns or throws.
     *
     * @throws id.parkir.api.ParkirException {@code playback_unsupported} (503) from a driver that cannot
     */
    default void remux(List<Path> segments, Duration offset, Duration length, OutputStream out) throws IOException {
        throw ParkirException.unavailable("playback_unsupported", "this camera driver cannot play recordings");
    }

    /** A running recording. */
    interface Recording extends AutoCloseable {
        /** Still running; false once the camera failed or the recording was closed. */
        boolean alive();

        /** Bytes written so far, from the recorder's own progress report. */
        long bytesWritten();

        /** Frames per second and bit/s of the stream, as last reported; 0 before the first report. */
        double fps();

        double bitrate();

        /** Why it ended, if it did: the recorder's last error line. */
        String lastError();

        /** Stops, finishing the current segment so it stays playable. */
        @Override
        void close();

        /** Stops at once (a frozen camera, a hung process). */
        void kill();
    }

    /** A live view being streamed. */
    interface LiveView extends AutoCloseable {
        /** Blocks until the stream ends. */
        void await() throws InterruptedException;

        @Override
        void close();
    }
}

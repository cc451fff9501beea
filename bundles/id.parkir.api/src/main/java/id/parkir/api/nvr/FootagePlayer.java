package id.parkir.api.nvr;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Plays recorded footage in a browser: the segments of one camera that cover a window, joined
 * and cut without re-encoding, as fragmented MP4 (which a {@code <video>} element plays as it
 * arrives, unlike the MPEG-TS of the segments). Carries {@link id.parkir.api.PluginProperties#ID}.
 */
public interface FootagePlayer {
    /**
     * What there is to play of a camera between {@code from} and {@code to}: it starts on the
     * keyframe at or before {@code from} (footage that is not re-encoded can start nowhere else),
     * or where the footage begins, and ends at {@code to} or where the footage ends.
     *
     * @throws id.parkir.api.ParkirException {@code window_invalid} (400: {@code from} not before
     *     {@code to}, or longer than the limit), {@code camera_not_found} or {@code no_footage} (404)
     */
    Clip find(String camera, Instant from, Instant to);

    /**
     * Takes one of the player's places for a clip {@link #find found} before; its files are looked
     * up again (retention may have deleted them meanwhile). Close it when done, streamed or not.
     *
     * @throws id.parkir.api.ParkirException {@code playback_busy} (503) while the most streams at
     *     once already run, {@code no_footage} (404)
     */
    Stream open(Clip clip);

    /** A camera's footage from {@code start} to {@code end}; {@code start} is on a keyframe. */
    record Clip(String camera, Instant start, Instant end) {
    }

    /** A place taken to stream one clip. */
    interface Stream extends AutoCloseable {
        /** {@code video/mp4} */
        String contentType();

        /**
         * Writes the clip to {@code out}, flushed as it is made; returns when all is written, or
         * throws when {@code out} refuses (the viewer left). The process that makes it has ended
         * either way.
         */
        void writeTo(OutputStream out) throws IOException;

        /** Frees the place (also when {@link #writeTo} never ran). */
        @Override
        void close();
    }
}

package id.parkir.api.nvr;

import java.time.Instant;

/**
 * One recorded segment file.
 *
 * @param id {@code <YYYY-MM-DD>_<camera>_<HHmmss>}, the handle to stream it
 * @param end the last modification of the file (while it is written: now)
 * @param recording true while the recorder still writes it
 */
public record Segment(String id, String camera, Instant start, Instant end, long bytes, boolean recording) {
}

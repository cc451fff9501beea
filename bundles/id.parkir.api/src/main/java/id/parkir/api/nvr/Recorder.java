package id.parkir.api.nvr;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records cameras into segment files and answers what footage exists when. Carries
 * {@link id.parkir.api.PluginProperties#ID}.
 */
public interface Recorder {
    /**
     * Starts recording one camera, or every camera when {@code camera} is null.
     *
     * @param totalSeconds stop by itself after this long; 0 records until stopped
     * @return the cameras now recording
     */
    List<String> start(String camera, long totalSeconds);

    /** Stops one camera, or all when {@code camera} is null; returns the cameras stopped. */
    List<String> stop(String camera);

    List<CameraStatus> status();

    /** Disk use of the storage. */
    StorageStatus storage();

    /** Segments of a camera (or all when null) overlapping [from, to), oldest first. */
    List<Segment> segments(String camera, Instant from, Instant to);

    /** The segment holding the footage of {@code time}. */
    Optional<Segment> segmentAt(String camera, Instant time);

    /** The file of a segment; empty when the id is unknown or malformed. */
    Optional<Path> file(String segmentId);

    /** Applies the retention rules now; returns what was deleted. */
    CleanupResult cleanup();

    record StorageStatus(String path, long totalBytes, long freeBytes, long usedByRecordings) {
    }

    record CleanupResult(int deletedSegments, long deletedBytes, long freeBytesAfter) {
    }
}

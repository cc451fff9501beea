package id.parkir.api.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finished restore: the backup's id and time, the row counts now in the database (equal to the
 * manifest's), the photos put back, whether the camera list was replaced, how long the server
 * refused work ({@code offlineMillis}) and the whole restore took, and warnings (e.g. camera
 * passwords sealed with another server's key). Every session ended: users log in again.
 */
public record RestoreResult(String id, Instant createdAt, Map<String, Long> counts, long photosRestored,
                            boolean camerasRestored, long offlineMillis, long millis, List<String> warnings) {
}

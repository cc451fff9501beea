package id.parkir.api.backup;

import java.time.Instant;
import java.util.Map;

/**
 * One backup archive: its id (also its file name, {@code <id>.zip}), when it was made, by whom
 * ({@code kind} is {@code manual} or {@code scheduled}), its size, the database's row count per
 * table, the gate photos it holds (of {@code photoDays} days), whether the camera list is in it,
 * the schema version of its database and the Parkir version that wrote it; {@code copied} says it
 * is also in the second folder.
 */
public record BackupInfo(String id, Instant createdAt, String kind, String createdBy, long sizeBytes,
                         Map<String, Long> counts, int photoDays, long photoFiles, boolean cameras,
                         String schemaVersion, String parkirVersion, long millis, boolean copied) {
}

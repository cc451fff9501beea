package id.parkir.api.backup;

import java.time.Instant;

/**
 * One backup or restore run: what ({@code backup}, {@code scheduled} or {@code restore}), the
 * backup's id (null when none was made), who and from where, when it started and ended, whether it
 * succeeded, and if not the error code and message; {@code warning} is a problem that did not fail
 * it (the copy to the second folder, camera passwords sealed with another server's key).
 */
public record BackupAttempt(String kind, String id, String by, String from, Instant startedAt, Instant finishedAt,
                            boolean ok, String error, String message, String warning) {
}

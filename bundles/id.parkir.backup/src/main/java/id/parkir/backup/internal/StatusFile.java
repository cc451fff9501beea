package id.parkir.backup.internal;

import id.parkir.api.backup.BackupAttempt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last backup runs, kept in {@code status.json} in the backup folder (not in the database, so
 * that a restore does not undo them, and a restart keeps the dashboard's alert).
 */
final class StatusFile {
    private static final Logger LOG = LoggerFactory.getLogger(StatusFile.class);

    /** The last backup (any kind), the last that succeeded, the last scheduled one, the last restore. */
    record Runs(BackupAttempt lastBackup, BackupAttempt lastSuccess, BackupAttempt lastScheduled, BackupAttempt lastRestore) {
        static final Runs NONE = new Runs(null, null, null, null);

        Runs with(BackupAttempt a) {
            if ("restore".equals(a.kind())) {
                return new Runs(lastBackup, lastSuccess, lastScheduled, a);
            }
            return new Runs(a, a.ok() ? a : lastSuccess, "scheduled".equals(a.kind()) ? a : lastScheduled, lastRestore);
        }

        /**
         * The dashboard's alert: the last scheduled backup failed and none succeeded after it, or the
         * last backup could not be copied to the second folder.
         */
        boolean alert() {
            boolean scheduledFailed = lastScheduled != null && !lastScheduled.ok()
                    && (lastSuccess == null || lastSuccess.finishedAt().isBefore(lastScheduled.finishedAt()));
            boolean copyFailed = lastBackup != null && lastBackup.ok() && lastBackup.warning() != null;
            return scheduledFailed || copyFailed;
        }
    }

    private final Path file;
    private Runs runs;

    StatusFile(Path file) {
        this.file = file;
        Runs read = Runs.NONE;
        if (Files.isRegularFile(file)) {
            try {
                read = Manifest.JSON.readValue(file.toFile(), Runs.class);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} cannot be read ({}); the last backup runs are forgotten", file, e.toString());
            }
        }
        this.runs = read;
    }

    synchronized Runs runs() {
        return runs;
    }

    synchronized void record(BackupAttempt attempt) {
        runs = runs.with(attempt);
        try {
            BackupFiles.writeAtomically(file, Manifest.JSON.writeValueAsBytes(runs));
        } catch (IOException e) {
            LOG.warn("{} cannot be written: {}", file, e.toString());
        }
    }

    static BackupAttempt attempt(String kind, String id, String by, String from, Instant started, boolean ok, String error,
                                 String message, String warning) {
        return new BackupAttempt(kind, id, by, from, started, Instant.now(), ok, error, message, warning);
    }
}

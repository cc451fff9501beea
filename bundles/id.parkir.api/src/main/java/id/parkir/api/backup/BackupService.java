package id.parkir.api.backup;

import id.parkir.api.Actor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Backups of the server's data and their restore. A backup is one archive: the database (copied
 * online, while the gates keep working), the gate photos of a chosen number of days and the NVR
 * camera list (never the recordings), with a manifest of what it holds (version, time, row
 * counts, SHA-256 of every file). Each backup is verified after it is written: the archive is read
 * back, every checksum compared and the database in it opened and counted.
 *
 * <p>A restore checks the archive completely before it touches anything (a corrupt, truncated,
 * foreign, unsafe or incompatible archive is refused and nothing changes); then the server refuses
 * new work ({@code 503 restore_in_progress}), waits for what is running, replaces the database
 * (keeping the old one until the restored one is verified against the manifest, and putting it back
 * if not), restores the photos and the camera list, and works again. Every backup, download and
 * restore is in the activity log with who, when, from where and the outcome.
 *
 * <p>Errors are {@link id.parkir.api.ParkirException}s: 400 for a bad archive (its code says why),
 * 404 {@code backup_not_found}, 409 {@code backup_busy} (one backup or restore at a time) and
 * {@code backup_unsupported} (a database Parkir does not back up itself: PostgreSQL, see pg_dump),
 * 413 {@code body_too_large}, 503 {@code restore_in_progress}.
 */
public interface BackupService {
    /** The backups in the backup folder, newest first. */
    List<BackupInfo> list();

    /**
     * Makes a backup now; answers it once it is written and verified. {@code photoDays} is how many
     * days of gate photos to include (today and the days before it; 0 = none); null takes the
     * configured number. {@code scheduled} marks a run of the schedule (its failure is an alert).
     */
    BackupInfo create(Actor actor, Integer photoDays, boolean scheduled);

    /** The archive file of a backup, to download; 404 {@code backup_not_found}. */
    Path archive(Actor actor, String id);

    /** Restores a backup of the backup folder. */
    RestoreResult restore(Actor actor, String id);

    /**
     * Restores an uploaded archive: it is read into the backup folder's work area (at most the
     * configured size, else 413) and checked completely before anything changes.
     */
    RestoreResult restore(Actor actor, InputStream archive);

    /** The last backup and restore, the schedule and the settings, for the dashboard and the backup page. */
    BackupStatus status();

    /** True while a restore has the database closed: every state-changing request is refused meanwhile. */
    boolean restoreInProgress();
}

package id.parkir.api.backup;

/**
 * Where backups stand. {@code supported} is false where Parkir does not back up the database
 * itself ({@code database} names it, e.g. {@code postgresql}: use pg_dump). {@code lastBackup} is the
 * last backup run (scheduled or not) and {@code lastSuccess} the last that succeeded;
 * {@code lastRestore} the last restore. {@code alert} is set when the last scheduled backup failed
 * (and none succeeded since) or its copy to the second folder failed: the dashboard shows it.
 * {@code running} is {@code backup} or {@code restore} while one runs, else null.
 * The settings: the folder, the second folder (null: none), the schedule (a Quartz cron expression,
 * null: none), how many daily and monthly backups are kept, the photo days a backup includes and
 * the largest archive an upload may be.
 */
public record BackupStatus(boolean supported, String database, String running, boolean alert,
                           BackupAttempt lastBackup, BackupAttempt lastSuccess, BackupAttempt lastRestore,
                           String folder, String secondFolder, String schedule, int keepDaily, int keepMonthly,
                           int photoDays, long maxUploadBytes) {
}

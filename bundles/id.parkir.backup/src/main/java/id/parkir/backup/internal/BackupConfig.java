package id.parkir.backup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/id.parkir.backup.cfg}; the shipped file documents every key. */
@ObjectClassDefinition(name = "Parkir backups", description = "Backup folder, schedule, retention, photos and upload limit")
public @interface BackupConfig {
    @AttributeDefinition(description = "Folder of the backup archives (absolute); empty: ${parkir.data}/backups")
    String folder() default "";

    @AttributeDefinition(description = "A second folder each backup is copied to (e.g. a mounted network share); empty: none")
    String secondFolder() default "";

    @AttributeDefinition(description = "When to back up: a Quartz cron expression, seconds first; empty: never by itself")
    String schedule() default "0 30 2 * * ?";

    @AttributeDefinition(description = "Daily backups kept: the newest of each of the last N days that have one")
    int keepDaily() default 7;

    @AttributeDefinition(description = "Monthly backups kept: the newest of each of the last M months that have one")
    int keepMonthly() default 6;

    @AttributeDefinition(description = "Days of gate photos a backup holds (today and the days before); 0: none")
    int photoDays() default 1;

    @AttributeDefinition(description = "Largest archive an upload to restore may be, in MB")
    int maxUploadMb() default 4096;

    @AttributeDefinition(description = "Seconds a restore waits for running work to finish before it gives up")
    int drainSeconds() default 30;
}

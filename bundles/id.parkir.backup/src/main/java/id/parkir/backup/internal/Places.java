package id.parkir.backup.internal;

import id.parkir.store.jpa.DatabaseMaintenance;
import java.nio.file.Path;

/** What a backup or a restore works with: the settings, the backup folder, the database and the image store's folder. */
record Places(Settings settings, BackupFiles files, DatabaseMaintenance database, Path images) {
}

package id.parkir.backup.internal;

import id.parkir.store.jpa.DatabaseMaintenance;
import id.parkir.api.nvr.Recorder;
import java.nio.file.Path;

/**
 * What a backup or a restore works with: the settings, the backup folder, the database, the image
 * store's folder, and the recorder (null when the NVR is not installed).
 */
record Places(Settings settings, BackupFiles files, DatabaseMaintenance database, Path images, Recorder recorder) {
}

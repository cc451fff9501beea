package id.parkir.backup.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.backup.RestoreResult;
import id.parkir.api.nvr.Recorder;
import id.parkir.store.jpa.DatabaseMaintenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one archive. Everything that can be checked is checked before the server's data is
 * touched: the archive ({@link ArchiveReader}: structure, safety, manifest, every checksum, unpacked
 * into a work folder), its compatibility (database kind, schema no newer than this server's), and the
 * unpacked database opened and counted against the manifest. Then the missing photos are added to
 * the image store (adding is harmless should the rest fail), and the database is replaced
 * ({@link DatabaseMaintenance#replace}: work refused meanwhile, the old database kept until the new one
 * counts right, put back if not); in that window every session (API token) of the restored database is
 * ended, since it may have been revoked after the backup was made. Last the camera list is replaced.
 */
final class Restorer {
    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);

    private final Settings settings;
    private final BackupFiles files;
    private final DatabaseMaintenance database;
    private final Path images;
    private final Recorder recorder;

    Restorer(Places places) {
        this.settings = places.settings();
        this.files = places.files();
        this.database = places.database();
        this.images = places.images();
        this.recorder = places.recorder();
    }

    /** Called once the archive is checked and before the database goes offline, and once it is back. */
    interface Offline {
        void begin();

        void end();
    }

    RestoreResult restore(Path archive, String name, Offline offline) throws IOException {
        long t0 = System.nanoTime();
        Path work = files.work().resolve("restore-" + name);
        BackupFiles.deleteTree(work);
        try {
            Path db = work.resolve(database.databaseName() == null ? "parkir" : Path.of(database.databaseName()).getFileName().toString());
            Path photos = work.resolve("photos");
            Path cameras = work.resolve("cameras.properties");
            Manifest m = ArchiveReader.read(archive, settings.readLimits(files.work()), new ArchiveReader.Target(db, photos, cameras));
            checkCompatible(m);
            Tables.Snapshot copy = database.inspect(db, Tables::snapshot);
            if (!copy.counts().equals(m.database().counts())) {
                throw Refusal.invalid("its database counts " + copy.counts() + " rows where its manifest says "
                        + m.database().counts());
            }
            long photosAdded = Photos.restore(photos, images);
            List<String> warnings = new ArrayList<>();
            DatabaseMaintenance.Replaced<Map<String, Long>> replaced;
            offline.begin();
            try {
                replaced = database.replace(db, work.resolve("previous"), settings.drain(), c -> {
                    Map<String, Long> counts = Tables.counts(c);
                    if (!counts.equals(m.database().counts())) {
                        throw ParkirException.conflict("restore_failed", "the restored database counts " + counts
                                + " where the backup's manifest says " + m.database().counts());
                    }
                    endSessions(c);
                    return counts;
                });
                if (Files.isRegularFile(cameras)) {
                    replaceCameras(cameras, m, warnings);
                }
            } finally {
                offline.end();
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("Backup {} restored in {} ms (database offline {} ms): {} photos added, camera list {}", m.id(), millis,
                    replaced.offlineMillis(), photosAdded, Files.isRegularFile(cameras) ? "replaced" : "not in the backup");
            return new RestoreResult(m.id(), m.created(), replaced.checked(), photosAdded, Files.isRegularFile(cameras),
                    replaced.offlineMillis(), millis, warnings);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    /** The camera list replaced; cameras it no longer has stop recording (the others record on). */
    private void replaceCameras(Path restored, Manifest m, List<String> warnings) throws IOException {
        CameraList list = new CameraList(settings.nvrFolder());
        java.util.Set<String> gone = CameraList.ids(list.file);
        gone.removeAll(CameraList.ids(restored));
        String warning = list.replace(restored, m.cameras() == null ? null : m.cameras().keyId());
        if (warning != null) {
            warnings.add(warning);
        }
        for (String camera : gone) {
            try {
                if (recorder != null) {
                    recorder.stop(camera);
                }
            } catch (RuntimeException e) {
                LOG.warn("Camera {}, not in the restored list, could not be stopped: {}", camera, e.toString());
            }
        }
    }

    private void checkCompatible(Manifest m) {
        if (!database.product().equals(m.database().product())) {
            throw Refusal.incompatible("it holds a " + m.database().product() + " database and this server runs on "
                    + database.product());
        }
        if (Manifest.compareVersions(m.database().schemaVersion(), database.schemaVersion()) > 0) {
            throw Refusal.incompatible("its database has schema version " + m.database().schemaVersion()
                    + ", newer than this server's " + database.schemaVersion() + " (written by Parkir " + m.parkirVersion()
                    + "): upgrade this server first");
        }
    }

    /** Ends every session of the restored database: its tokens may have been revoked after the backup. */
    private static void endSessions(java.sql.Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM PARKIR_TOKEN")) {
            int ended = s.executeUpdate();
            LOG.info("{} sessions of the restored database ended: users log in again", ended);
        }
    }
}

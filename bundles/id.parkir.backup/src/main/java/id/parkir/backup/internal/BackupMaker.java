package id.parkir.backup.internal;

import id.parkir.api.ParkirException;
import id.parkir.store.jpa.DatabaseMaintenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one backup: Derby's online backup of the live database into a dated work folder (the gates
 * keep working), that copy opened on its own and counted (a copy that does not open fails the
 * backup), the archive written from it (database, photos of the chosen days, camera list,
 * SHA256SUMS, manifest with the counts) as {@code .part} and renamed, then read back as a restore
 * reads it, every file against its checksum. A backup that fails any step is deleted.
 */
final class BackupMaker {
    private static final Logger LOG = LoggerFactory.getLogger(BackupMaker.class);

    /** A written and verified backup. */
    record Made(Manifest manifest, Path archive, long sizeBytes, long millis) {
    }

    /** Who asks and what: the id, kind (manual, scheduled), author, photo days and the day they end. */
    record Order(String id, String kind, String by, int photoDays, LocalDate today, String parkirVersion) {
    }

    private final Settings settings;
    private final BackupFiles files;
    private final DatabaseMaintenance database;
    private final Path images;

    BackupMaker(Places places) {
        this.settings = places.settings();
        this.files = places.files();
        this.database = places.database();
        this.images = places.images();
    }

    Made make(Order order) throws IOException {
        long t0 = System.nanoTime();
        Path work = files.work().resolve(order.id());
        Path part = files.folder.resolve(order.id() + ".zip.part");
        Path archive = files.archive(order.id());
        try {
            Files.createDirectories(work);
            List<Photos.Photo> photos = Photos.ofDays(images, order.today(), order.photoDays());
            if (photos.size() > Settings.MAX_ENTRIES - 10_000) {
                throw ParkirException.invalid("backup_too_many_files", photos.size() + " photos in " + order.photoDays()
                        + " days are more than one archive holds: choose fewer photo days");
            }
            Instant created = Instant.now();
            Path copy = database.backupOnline(work.resolve("database"));
            long copied = System.nanoTime();
            Tables.Snapshot snapshot = database.inspect(copy, Tables::snapshot);
            long counted = System.nanoTime();
            CameraList cameras = new CameraList(settings.nvrFolder());
            Manifest written;
            try (ArchiveWriter writer = new ArchiveWriter(part, work.resolve(EntryNames.SUMS))) {
                writer.addDatabase(copy);
                long photoBytes = 0;
                long photoCount = 0;
                for (Photos.Photo p : photos) {
                    try {
                        photoBytes += writer.addPhoto(p.relative(), p.file());
                        photoCount++;
                    } catch (java.nio.file.NoSuchFileException gone) {
                        LOG.debug("Photo {} was deleted while the backup ran", p.relative()); // a failed entry's photo
                    }
                }
                boolean withCameras = cameras.exists();
                if (withCameras) {
                    writer.addFile(EntryNames.CAMERAS, cameras.file);
                }
                String keyId = cameras.keyId();
                long fileCount = writer.files();
                long byteCount = writer.bytes();
                long photoFiles = photoCount;
                long bytesOfPhotos = photoBytes;
                written = writer.finish(sums -> new Manifest(Manifest.FORMAT, Manifest.VERSION, order.id(), created.toString(),
                        order.kind(), order.by(), order.parkirVersion(),
                        new Manifest.Database(database.product(), copy.getFileName().toString(), snapshot.schemaVersion(),
                                snapshot.counts()),
                        new Manifest.Photos(order.photoDays(), order.today().minusDays(Math.max(0, order.photoDays() - 1)).toString(),
                                photoFiles, bytesOfPhotos),
                        new Manifest.Cameras(withCameras, withCameras ? keyId : null), fileCount, byteCount, sums));
            }
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            long zipped = System.nanoTime();
            BackupFiles.deleteTree(work);
            verify(archive, written);
            long verified = System.nanoTime();
            long size = Files.size(archive);
            LOG.info("Backup {} written: {} MB, {} files; database copied in {} ms, counted in {} ms, archived in {} ms,"
                    + " verified in {} ms", order.id(), size / 1_000_000, written.files(), ms(copied - t0), ms(counted - copied),
                    ms(zipped - counted), ms(verified - zipped));
            return new Made(written, archive, size, ms(verified - t0));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            Files.deleteIfExists(archive);
            throw e;
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    /**
     * Reads the written archive back as a restore reads it: its directory, manifest and every file
     * against SHA256SUMS. The database in it was opened and counted before it was archived (the copy
     * whose bytes the archive holds, as the checksums just proved), so its rows are not unpacked and
     * counted a second time (BackupRoundTripTest and BackupIT restore archives and count them).
     */
    private void verify(Path archive, Manifest written) throws IOException {
        try {
            Manifest read = ArchiveReader.read(archive, settings.readLimits(files.work()), ArchiveReader.Target.CHECK_ONLY);
            if (!read.database().counts().equals(written.database().counts()) || read.files() != written.files()) {
                throw new IllegalStateException("the written archive's manifest is not the one written");
            }
        } catch (ParkirException refused) {
            throw new IllegalStateException("the written archive does not read back: " + refused.getMessage(), refused);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

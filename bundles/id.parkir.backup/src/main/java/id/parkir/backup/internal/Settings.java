package id.parkir.backup.internal;

import id.parkir.api.ParkirData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The backup settings in effect ({@link BackupConfig} checked, folders resolved) and the limits an
 * archive is read with.
 */
record Settings(Path folder, Path secondFolder, String schedule, int keepDaily, int keepMonthly, int photoDays,
                long maxUploadBytes, Duration drain, Path nvrFolder) {
    /** Files an archive may hold: a backup with more photos than this is refused before it is written. */
    static final int MAX_ENTRIES = 250_000;
    /** What an archive may unpack to at most, whatever the disk (the disk's free space is checked too). */
    static final long MAX_UNPACKED = 512L << 30;
    /** Left free on the disk when an archive is unpacked. */
    static final long DISK_MARGIN = 256L << 20;
    static final int MAX_PHOTO_DAYS = 366;

    static Settings of(BackupConfig c) {
        Path data = ParkirData.folder();
        Path folder = c.folder().isBlank() ? data.resolve("backups") : Paths.get(c.folder().strip());
        Path second = c.secondFolder().isBlank() ? null : Paths.get(c.secondFolder().strip());
        if (!folder.isAbsolute() || (second != null && !second.isAbsolute())) {
            throw new IllegalArgumentException("folder and secondFolder must be absolute paths");
        }
        if (second != null && second.normalize().equals(folder.normalize())) {
            throw new IllegalArgumentException("secondFolder must be another folder than folder");
        }
        check("keepDaily", c.keepDaily(), 0, 3660);
        check("keepMonthly", c.keepMonthly(), 0, 1200);
        check("photoDays", c.photoDays(), 0, MAX_PHOTO_DAYS);
        check("maxUploadMb", c.maxUploadMb(), 1, 1 << 20);
        check("drainSeconds", c.drainSeconds(), 1, 600);
        String schedule = c.schedule() == null || c.schedule().isBlank() ? null : c.schedule().strip();
        if (schedule != null && !validCron(schedule)) {
            throw new IllegalArgumentException("schedule must be a Quartz cron expression of 6 or 7 fields, seconds first"
                    + " (e.g. 0 30 2 * * ?), or empty");
        }
        return new Settings(folder.normalize(), second == null ? null : second.normalize(), schedule, c.keepDaily(),
                c.keepMonthly(), c.photoDays(), c.maxUploadMb() * 1024L * 1024L, Duration.ofSeconds(c.drainSeconds()),
                data.resolve("nvr"));
    }

    /** The shape of a Quartz expression (the scheduler checks the rest and logs what it refuses). */
    static boolean validCron(String s) {
        String[] fields = s.trim().split("\\s+");
        return (fields.length == 6 || fields.length == 7) && s.matches("[0-9A-Za-z*?/,#\\- ]{1,200}");
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + "-" + max + ", not " + value);
        }
    }

    /** Limits for reading an archive: entries, and what fits on the disk of the work folder. */
    ZipDirectory.Limits readLimits(Path work) throws IOException {
        Files.createDirectories(work);
        long free = Files.getFileStore(work).getUsableSpace() - DISK_MARGIN;
        long total = Math.max(0, Math.min(MAX_UNPACKED, free));
        return new ZipDirectory.Limits(MAX_ENTRIES, total, total);
    }
}

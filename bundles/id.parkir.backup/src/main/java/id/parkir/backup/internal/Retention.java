package id.parkir.backup.internal;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which backups to delete: kept are every backup of the last 24 hours (so that a backup made by hand
 * before an upgrade survives the next one of the same day), the newest backup of each of the last
 * {@code keepDaily} days that have a backup, the newest of each of the last {@code keepMonthly}
 * months that have one, and always the newest of all. Days without a backup (the server was off, the
 * backup failed) do not use up the days kept. Both 0: everything is kept.
 */
final class Retention {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Retention.class);

    private Retention() {
    }

    /** Applies the rule to the backup folder and the second folder (where set); {@code now} in the ids' time zone. */
    static void apply(Settings settings, LocalDateTime now) {
        List<java.nio.file.Path> dirs = new ArrayList<>(List.of(settings.folder()));
        if (settings.secondFolder() != null) {
            dirs.add(settings.secondFolder());
        }
        for (java.nio.file.Path dir : dirs) {
            for (String id : toDelete(BackupFiles.ids(dir), settings.keepDaily(), settings.keepMonthly(), now)) {
                LOG.info("Retention: backup {} deleted from {}", id, dir);
                BackupFiles.delete(dir, id);
            }
        }
    }

    /** {@code ids} newest first (as {@link BackupFiles#ids}); answers those to delete. */
    static List<String> toDelete(List<String> ids, int keepDaily, int keepMonthly, LocalDateTime now) {
        if (ids.isEmpty() || (keepDaily <= 0 && keepMonthly <= 0)) {
            return List.of();
        }
        Set<String> keep = new LinkedHashSet<>();
        keep.add(ids.get(0));
        Set<java.time.LocalDate> days = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        for (String id : ids) {
            LocalDateTime t = BackupFiles.timeOf(id);
            if (t.isAfter(now.minusHours(24))) {
                keep.add(id);
            }
            if (days.size() < keepDaily && days.add(t.toLocalDate())) {
                keep.add(id);
            }
            if (months.size() < keepMonthly && months.add(YearMonth.from(t))) {
                keep.add(id);
            }
        }
        List<String> delete = new ArrayList<>();
        for (String id : ids) {
            if (!keep.contains(id)) {
                delete.add(id);
            }
        }
        return delete;
    }
}

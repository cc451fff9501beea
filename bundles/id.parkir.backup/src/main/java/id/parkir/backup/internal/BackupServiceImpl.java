package id.parkir.backup.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.backup.BackupInfo;
import id.parkir.api.backup.BackupService;
import id.parkir.api.backup.BackupStatus;
import id.parkir.api.backup.RestoreResult;
import id.parkir.api.nvr.Recorder;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.security.UserService;
import id.parkir.store.jpa.DatabaseMaintenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackupService}: one backup or restore at a time (409 {@code backup_busy}), each recorded in
 * {@code status.json} and in the activity log with who, from where and the outcome, failures also in
 * the server log. Embedded Derby only: on PostgreSQL every backup and restore is refused with 409
 * {@code backup_unsupported} (pg_dump is the tool there).
 */
@Component(service = BackupService.class, configurationPid = "id.parkir.backup")
@Designate(ocd = BackupConfig.class)
public class BackupServiceImpl implements BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupServiceImpl.class);
    private static final String VERSION = FrameworkUtil.getBundle(BackupServiceImpl.class) == null ? "unknown"
            : FrameworkUtil.getBundle(BackupServiceImpl.class).getVersion().toString();

    private final Settings settings;
    private final BackupFiles files;
    private final StatusFile status;
    private final DatabaseMaintenance database;
    private final UserService users;
    private final ConfigurationAdmin configs;
    /** One backup or restore at a time in this server, also across a restart of this component (new settings). */
    private static final ReentrantLock BUSY = new ReentrantLock();
    private static volatile String running;
    private static volatile boolean offline;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ParkingService parking;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Recorder recorder;

    @Activate
    public BackupServiceImpl(@Reference DatabaseMaintenance database, @Reference UserService users,
                             @Reference ConfigurationAdmin configs, BackupConfig config) throws IOException {
        this.settings = Settings.of(config);
        this.database = database;
        this.users = users;
        this.configs = configs;
        this.files = new BackupFiles(settings.folder());
        Files.createDirectories(settings.folder());
        if (BUSY.tryLock()) {
            try {
                files.cleanUp(); // what a crash left; never the work of a backup still running
            } finally {
                BUSY.unlock();
            }
        }
        this.status = new StatusFile(settings.folder().resolve("status.json"));
        LOG.info("Backups in {} ({}), schedule {}", settings.folder(), database.fileBackups() ? "embedded Derby"
                : database.product() + ": not backed up by Parkir, use pg_dump", settings.schedule() == null ? "none" : settings.schedule());
    }

    @Override
    public List<BackupInfo> list() {
        List<BackupInfo> out = new ArrayList<>();
        for (String id : BackupFiles.ids(settings.folder())) {
            files.read(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public BackupInfo create(Actor actor, Integer photoDays, boolean scheduled) {
        int days = photoDays == null ? settings.photoDays() : photoDays;
        if (days < 0 || days > Settings.MAX_PHOTO_DAYS) {
            throw ParkirException.invalid("photo_days_invalid", "photoDays must be 0-" + Settings.MAX_PHOTO_DAYS);
        }
        String kind = scheduled ? "scheduled" : "manual";
        Instant started = Instant.now();
        lock("backup", actor);
        String id = null;
        try {
            requireFileBackups();
            LocalDateTime now = LocalDateTime.now(zone());
            id = files.newId(now);
            BackupMaker.Made made = new BackupMaker(places())
                    .make(new BackupMaker.Order(id, kind, actor.username(), days, now.toLocalDate(), VERSION));
            String warning = copyToSecondFolder(made.archive());
            BackupInfo info = made.manifest().info(made.sizeBytes(), made.millis(), settings.secondFolder() != null && warning == null);
            files.writeInfo(info);
            Retention.apply(settings, LocalDateTime.now(zone()));
            status.record(StatusFile.attempt(kind, id, actor.username(), actor.origin(), started, true, null, null, warning));
            audit(actor, "BACKUP_CREATED", id + " (" + kind + ", " + mb(made.sizeBytes()) + ", " + info.counts().getOrDefault(
                    "PARKIR_SESSION", 0L) + " sessions, " + info.photoFiles() + " photos, " + made.millis() + " ms"
                    + (warning == null ? "" : "; " + warning) + ")");
            return info;
        } catch (IOException | RuntimeException e) {
            failed(kind, id, actor, started, e);
            throw e instanceof IOException io ? new UncheckedIOException("the backup could not be written: " + io.getMessage(), io)
                    : (RuntimeException) e;
        } finally {
            unlock();
        }
    }

    @Override
    public Path archive(Actor actor, String id) {
        if (!BackupFiles.isId(id) || !Files.isRegularFile(files.archive(id))) {
            throw ParkirException.notFound("backup_not_found", "no backup with id '" + (id == null ? "" : id.replaceAll("[^\\w.-]", "?")) + "'");
        }
        audit(actor, "BACKUP_DOWNLOADED", id);
        return files.archive(id);
    }

    @Override
    public RestoreResult restore(Actor actor, String id) {
        if (!BackupFiles.isId(id) || !Files.isRegularFile(files.archive(id))) {
            throw ParkirException.notFound("backup_not_found", "no backup with id '" + (id == null ? "" : id.replaceAll("[^\\w.-]", "?")) + "'");
        }
        return restoreFile(actor, files.archive(id), id);
    }

    @Override
    public RestoreResult restore(Actor actor, InputStream archive) {
        Instant started = Instant.now();
        lock("restore", actor);
        Path upload = null;
        try {
            requireFileBackups();
            upload = files.receive(archive, settings.maxUploadBytes());
            return restoreLocked(actor, upload, "upload", started);
        } catch (IOException | RuntimeException e) {
            failed("restore", "upload", actor, started, e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            if (upload != null) {
                BackupFiles.deleteTree(upload.getParent());
            }
            unlock();
        }
    }

    private RestoreResult restoreFile(Actor actor, Path archive, String name) {
        Instant started = Instant.now();
        lock("restore", actor);
        try {
            requireFileBackups();
            return restoreLocked(actor, archive, name, started);
        } catch (IOException | RuntimeException e) {
            failed("restore", name, actor, started, e);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            unlock();
        }
    }

    private RestoreResult restoreLocked(Actor actor, Path archive, String name, Instant started) throws IOException {
        Restorer.Offline window = new Restorer.Offline() {
            @Override
            public void begin() {
                offline = true;
            }

            @Override
            public void end() {
                offline = false;
            }
        };
        RestoreResult r = new Restorer(places()).restore(archive, name, window);
        String warning = r.warnings().isEmpty() ? null : String.join(", ", r.warnings());
        status.record(StatusFile.attempt("restore", r.id(), actor.username(), actor.origin(), started, true, null, null, warning));
        audit(actor, "BACKUP_RESTORED", r.id() + " from " + ("upload".equals(name) ? "an uploaded archive" : "the backup folder")
                + " (" + r.counts().getOrDefault("PARKIR_SESSION", 0L) + " sessions, " + r.photosRestored() + " photos added, offline "
                + r.offlineMillis() + " ms" + (warning == null ? "" : "; " + warning) + ")");
        return r;
    }

    @Override
    public BackupStatus status() {
        StatusFile.Runs runs = status.runs();
        return new BackupStatus(database.fileBackups(), database.product(), running, runs.alert(), runs.lastBackup(),
                runs.lastSuccess(), runs.lastRestore(), settings.folder().toString(),
                settings.secondFolder() == null ? null : settings.secondFolder().toString(), settings.schedule(),
                settings.keepDaily(), settings.keepMonthly(), settings.photoDays(), settings.maxUploadBytes());
    }

    @Override
    public boolean restoreInProgress() {
        return offline;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void lock(String what, Actor actor) {
        if (!BUSY.tryLock()) {
            throw ParkirException.conflict("backup_busy", "a " + running + " is running: try again when it has finished");
        }
        running = what;
    }

    private void unlock() {
        running = null;
        BUSY.unlock();
    }

    private void requireFileBackups() {
        if (!database.fileBackups()) {
            throw ParkirException.conflict("backup_unsupported", "this server's database is " + database.product()
                    + ": Parkir backs up embedded Derby only; back PostgreSQL up with pg_dump (see README, Backup and restore)");
        }
    }

    private void failed(String kind, String id, Actor actor, Instant started, Exception e) {
        ParkirException pe = e instanceof ParkirException p ? p : null;
        String code = pe != null ? pe.code() : "internal_error";
        String message = pe != null ? pe.getMessage() : String.valueOf(e.getMessage());
        boolean refused = pe != null && (pe.kind() == ParkirException.Kind.INVALID || pe.kind() == ParkirException.Kind.TOO_LARGE);
        String event = "restore".equals(kind) ? (refused ? "BACKUP_RESTORE_REFUSED" : "BACKUP_RESTORE_FAILED") : "BACKUP_FAILED";
        if ("backup_busy".equals(code) && !"scheduled".equals(kind)) {
            return; // the caller is told to try again; nothing was attempted
        }
        if (pe == null || "scheduled".equals(kind) || "restore_failed".equals(code)) {
            LOG.error("{} {} failed: {}", kind, id == null ? "" : id, message, e);
        } else {
            LOG.warn("{} {} refused: {} ({})", kind, id == null ? "" : id, message, code);
        }
        // after the log line, so that whoever sees the status finds the reason in the log
        status.record(StatusFile.attempt(kind, id, actor.username(), actor.origin(), started, false, code, message, null));
        audit(actor, event, (id == null ? "" : id + ": ") + code + ": " + message);
    }

    private void audit(Actor actor, String event, String detail) {
        try {
            users.logActivity(actor.username(), event, detail + " (from " + (actor.origin() == null ? "unknown" : actor.origin()) + ")");
        } catch (RuntimeException e) {
            LOG.warn("Activity log entry {} not written ({}): {}", event, e.toString(), detail);
        }
    }

    /** Copies a new archive into the second folder; a warning (the backup stands) when it fails. */
    private String copyToSecondFolder(Path archive) {
        if (settings.secondFolder() == null) {
            return null;
        }
        try {
            BackupFiles.copyInto(archive, settings.secondFolder());
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.error("Backup {} could not be copied to the second folder {}: {}", archive.getFileName(), settings.secondFolder(),
                    e.toString());
            return "copy_to_second_folder_failed: " + e.getMessage();
        }
    }

    private ZoneId zone() {
        ParkingService p = parking;
        try {
            return p == null ? ZoneId.systemDefault() : ZoneId.of(p.site().timeZone());
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }

    private Places places() {
        return new Places(settings, files, database, Photos.folder(configs), recorder);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}

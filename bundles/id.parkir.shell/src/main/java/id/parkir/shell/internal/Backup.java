package id.parkir.shell.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.backup.BackupAttempt;
import id.parkir.api.backup.BackupInfo;
import id.parkir.api.backup.BackupService;
import id.parkir.api.backup.BackupStatus;
import id.parkir.api.backup.RestoreResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "parkir", name = "backup", description = "Backups: list (default), [--photo-days N] create, status,"
        + " --yes restore <id>, --yes --file <archive on the server> restore (options before the action, as in every Karaf command)")
@Service
public class Backup implements Action {
    @Argument(index = 0, name = "action", description = "list, create, status or restore")
    @Completion(value = StringsCompleter.class, values = {"list", "create", "status", "restore"})
    private String action = "list";

    @Argument(index = 1, name = "id", description = "the backup to restore (as parkir:backup list shows it)")
    private String id;

    @Option(name = "--photo-days", description = "create: days of gate photos to include (0-366; default: photoDays in etc/id.parkir.backup.cfg)")
    private Integer photoDays;

    @Option(name = "--file", description = "restore: an archive file on the server instead of a backup of the folder")
    private String file;

    @Option(name = "--yes", aliases = "-y", description = "restore: yes, replace all data of this server with the backup's")
    private boolean yes;

    @Reference(optional = true)
    private BackupService backups;

    @Override
    public Object execute() throws IOException {
        if (Installed.missing(backups, "Backups are not installed (feature:install parkir-backup)")) {
            return null;
        }
        Actor actor = ShellActor.current().from("shell " + ShellActor.origin());
        try {
            switch (action) {
                case "list" -> list();
                case "status" -> status();
                case "create" -> {
                    BackupInfo b = backups.create(actor, photoDays, false);
                    System.out.printf("Backup %s written and verified: %.1f MB, %d sessions, %d photos, %d ms%n", b.id(),
                            b.sizeBytes() / 1e6, b.counts().getOrDefault("PARKIR_SESSION", 0L), b.photoFiles(), b.millis());
                }
                case "restore" -> restore(actor);
                default -> System.out.println("Unknown action '" + action + "': list, create, status or restore");
            }
        } catch (ParkirException e) {
            System.out.println("Refused (" + e.code() + "): " + e.getMessage());
        }
        return null;
    }

    private void restore(Actor actor) throws IOException {
        if ((id == null) == (file == null)) {
            System.out.println("Give the id of a backup (parkir:backup list) or --file <archive> (before 'restore'), not both");
            return;
        }
        if (!yes) {
            System.out.println("A restore replaces every session, payment, user and setting in the database with the backup's,"
                    + " ends every login and replaces the camera list; the server refuses work for a while. To do it:"
                    + " parkir:backup --yes restore " + (id == null ? "--file " + file : id));
            return;
        }
        RestoreResult r;
        if (file != null) {
            Path archive = Paths.get(file);
            try (InputStream in = Files.newInputStream(archive)) {
                r = backups.restore(actor, in);
            }
        } else {
            r = backups.restore(actor, id);
        }
        System.out.printf("Restored %s (made %s): %d sessions, %d payments, %d photos added, camera list %s;"
                        + " the server refused work for %d ms. Everyone logs in again.%n", r.id(), r.createdAt(),
                r.counts().getOrDefault("PARKIR_SESSION", 0L), r.counts().getOrDefault("PARKIR_PAYMENT", 0L), r.photosRestored(),
                r.camerasRestored() ? "replaced" : "kept", r.offlineMillis());
        r.warnings().forEach(w -> System.out.println("Warning: " + w));
    }

    private void list() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Made", "Kind", "By", "MB", "Sessions", "Payments", "Photos", "Schema"}) {
            table.column(c);
        }
        for (BackupInfo b : backups.list()) {
            table.addRow().addContent(b.id(), b.createdAt(), b.kind(), b.createdBy(), String.format("%.1f", b.sizeBytes() / 1e6),
                    b.counts().getOrDefault("PARKIR_SESSION", 0L), b.counts().getOrDefault("PARKIR_PAYMENT", 0L), b.photoFiles(),
                    b.schemaVersion());
        }
        table.print(System.out);
    }

    private void status() {
        BackupStatus s = backups.status();
        if (!s.supported()) {
            System.out.println("The database is " + s.database() + ": Parkir does not back it up (use pg_dump)");
        }
        System.out.println("Folder:        " + s.folder() + (s.secondFolder() == null ? "" : ", copied to " + s.secondFolder()));
        System.out.println("Schedule:      " + (s.schedule() == null ? "none" : s.schedule()) + "; keep " + s.keepDaily()
                + " daily, " + s.keepMonthly() + " monthly; photos of " + s.photoDays() + " day(s)");
        System.out.println("Last backup:   " + describe(s.lastBackup()));
        System.out.println("Last success:  " + describe(s.lastSuccess()));
        System.out.println("Last restore:  " + describe(s.lastRestore()));
        if (s.alert()) {
            System.out.println("ALERT: the last scheduled backup failed or was not copied to the second folder");
        }
    }

    private static String describe(BackupAttempt a) {
        if (a == null) {
            return "none";
        }
        return a.finishedAt() + " " + a.kind() + " " + (a.id() == null ? "" : a.id() + " ") + (a.ok() ? "ok" : "FAILED: " + a.error()
                + " " + a.message()) + (a.warning() == null ? "" : " (warning: " + a.warning() + ")") + " by " + a.by();
    }
}

package id.parkir.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedScheduledBackupIsAnAlertUntilABackupSucceedsAndItSurvivesARestart() throws Exception {
        Path file = dir.resolve("status.json");
        StatusFile status = new StatusFile(file);
        assertFalse(status.runs().alert());
        status.record(StatusFile.attempt("manual", "parkir-20261201-100000", "admin", "10.0.0.2", Instant.now(), true, null, null, null));
        assertFalse(status.runs().alert());
        Thread.sleep(5);
        status.record(StatusFile.attempt("scheduled", "parkir-20261202-023000", "scheduler", "schedule", Instant.now(), false,
                "internal_error", "disk full", null));
        assertTrue(status.runs().alert());
        // a restart reads it back
        StatusFile again = new StatusFile(file);
        assertTrue(again.runs().alert());
        assertEquals("disk full", again.runs().lastBackup().message());
        assertEquals("parkir-20261201-100000", again.runs().lastSuccess().id());
        Thread.sleep(5);
        again.record(StatusFile.attempt("restore", "parkir-20261201-100000", "admin", "10.0.0.2", Instant.now(), true, null, null, null));
        assertTrue(again.runs().alert(), "a restore is no backup");
        Thread.sleep(5);
        again.record(StatusFile.attempt("manual", "parkir-20261202-090000", "admin", "10.0.0.2", Instant.now(), true, null, null, null));
        assertFalse(again.runs().alert(), "a backup succeeded since");
        Thread.sleep(5);
        again.record(StatusFile.attempt("scheduled", "parkir-20261203-023000", "scheduler", "schedule", Instant.now(), true, null, null,
                "copy_to_second_folder_failed: /mnt/nas is read-only"));
        assertTrue(again.runs().alert(), "a copy that failed is an alert too");
        Files.writeString(file, "{broken");
        assertFalse(new StatusFile(file).runs().alert(), "an unreadable file is forgotten, not fatal");
    }
}

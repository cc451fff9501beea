package id.parkir.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.backup.RestoreResult;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of a real Derby database written, read back and restored into another one: the same rows,
 * the photos added, the camera list replaced, every session ended; a damaged archive and one from a
 * newer schema refused with the target database untouched.
 */
class BackupRoundTripTest {
    @TempDir
    static Path dir;
    private static String previousData;

    @BeforeAll
    static void data() {
        previousData = System.getProperty("parkir.data");
        System.setProperty("parkir.data", dir.resolve("data").toString());
    }

    @AfterAll
    static void restoreProperty() {
        if (previousData == null) {
            System.clearProperty("parkir.data");
        } else {
            System.setProperty("parkir.data", previousData);
        }
    }

    static BackupConfig config(Path folder) {
        return new BackupConfig() {
            @Override public Class<? extends Annotation> annotationType() { return BackupConfig.class; }
            @Override public String folder() { return folder.toString(); }
            @Override public String secondFolder() { return ""; }
            @Override public String schedule() { return ""; }
            @Override public int keepDaily() { return 7; }
            @Override public int keepMonthly() { return 6; }
            @Override public int photoDays() { return 1; }
            @Override public int maxUploadMb() { return 100; }
            @Override public int drainSeconds() { return 5; }
        };
    }

    @Test
    void aBackupIsRestoredIntoAnotherDatabaseWithItsPhotosAndCameras() throws Exception {
        Settings settings = Settings.of(config(dir.resolve("backups")));
        BackupFiles files = new BackupFiles(settings.folder());
        DerbyDatabase a = new DerbyDatabase(dir.resolve("a/parkir"));
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            rows.add("INSERT INTO PARKIR_SESSION VALUES (" + i + ", 'T" + i + "')");
            rows.add("INSERT INTO PARKIR_PAYMENT VALUES (" + i + ", 'R" + i + "')");
        }
        a.sql(rows.toArray(String[]::new));
        a.sql("INSERT INTO PARKIR_TOKEN VALUES ('t1')");
        LocalDate today = LocalDate.of(2026, 12, 1);
        Path imagesA = dir.resolve("imagesA");
        Files.createDirectories(imagesA.resolve("2026/12/01"));
        Files.createDirectories(imagesA.resolve("2026/11/29"));
        Files.write(imagesA.resolve("2026/12/01/20261201-080000-000-T1-entry-00ff.jpg"), new byte[] {1, 2, 3});
        Files.write(imagesA.resolve("2026/11/29/20261129-080000-000-T0-entry-00ff.jpg"), new byte[] {4}); // outside 1 day
        Path nvr = dir.resolve("data/nvr");
        Files.createDirectories(nvr);
        Files.writeString(nvr.resolve("cameras.properties"), "gate.name=Gate\ngate.url=rtsp://10.0.0.9/\ngate.password=sealed\n");
        Files.writeString(nvr.resolve("camera-password.key"), "a-key");

        BackupMaker.Made made = new BackupMaker(new Places(settings, files, a, imagesA, null))
                .make(new BackupMaker.Order("parkir-20261201-080000", "manual", "admin", 1, today, "test"));
        assertTrue(Files.isRegularFile(files.archive("parkir-20261201-080000")));
        assertEquals(Map.of("PARKIR_SESSION", 500L, "PARKIR_PAYMENT", 500L, "PARKIR_TOKEN", 1L, "flyway_schema_history", 4L),
                made.manifest().database().counts());
        assertEquals("4", made.manifest().database().schemaVersion(), "the last successful migration");
        assertEquals(1, made.manifest().photos().files());
        assertTrue(made.manifest().cameras().included());
        assertFalse(Files.exists(files.work().resolve("parkir-20261201-080000")), "the work folder is cleaned");

        // the target: another database with other rows, another camera list (and key), no photos
        DerbyDatabase b = new DerbyDatabase(dir.resolve("b/parkir"));
        b.sql("INSERT INTO PARKIR_SESSION VALUES (9999, 'OTHER')", "INSERT INTO PARKIR_TOKEN VALUES ('tb')");
        Path imagesB = dir.resolve("imagesB");
        Files.writeString(nvr.resolve("cameras.properties"), "other.name=Other\n");
        Files.writeString(nvr.resolve("camera-password.key"), "another-key");

        // refused first: a damaged copy, and a backup from a newer schema; nothing changes
        byte[] bytes = Files.readAllBytes(made.archive());
        bytes[bytes.length / 3] ^= 0x20;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);
        Restorer restorer = new Restorer(new Places(settings, files, b, imagesB, null));
        int[] offline = new int[2];
        Restorer.Offline window = new Restorer.Offline() {
            @Override public void begin() { offline[0]++; }
            @Override public void end() { offline[1]++; }
        };
        ParkirException bad = assertThrows(ParkirException.class, () -> restorer.restore(damaged, "damaged", window));
        assertTrue(List.of("backup_checksum_mismatch", "backup_invalid").contains(bad.code()), bad.code() + ": " + bad.getMessage());
        DerbyDatabase older = new DerbyDatabase(dir.resolve("c/parkir")) {
            @Override public String schemaVersion() { return "3"; }
        };
        ParkirException newer = assertThrows(ParkirException.class,
                () -> new Restorer(new Places(settings, files, older, imagesB, null)).restore(made.archive(), "newer", window));
        assertEquals("backup_incompatible", newer.code());
        assertEquals(0, offline[0], "never offline for a refused archive");
        assertEquals(1, b.count("PARKIR_SESSION"));
        assertFalse(Files.exists(imagesB));
        assertEquals("other.name=Other\n", Files.readString(nvr.resolve("cameras.properties")));

        RestoreResult r = restorer.restore(made.archive(), "good", window);
        assertEquals(1, offline[0]);
        assertEquals(1, offline[1]);
        assertEquals(made.manifest().database().counts(), r.counts());
        assertEquals(500, b.count("PARKIR_SESSION"));
        assertEquals(500, b.count("PARKIR_PAYMENT"));
        assertEquals(0, b.count("PARKIR_TOKEN"), "every session ends");
        assertEquals(1, r.photosRestored());
        assertTrue(Files.isRegularFile(imagesB.resolve("2026/12/01/20261201-080000-000-T1-entry-00ff.jpg")));
        assertTrue(r.camerasRestored());
        assertTrue(Files.readString(nvr.resolve("cameras.properties")).contains("gate.url=rtsp://10.0.0.9/"));
        assertEquals(List.of("camera_key_differs"), r.warnings());
        try (var left = Files.list(files.work())) {
            assertEquals(0, left.count(), "the work folder is cleaned");
        }
    }
}

package id.parkir.backup.internal;

import static id.parkir.backup.internal.TestArchives.LIMITS;
import static id.parkir.backup.internal.TestArchives.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restore accepts and what it refuses, before anything is unpacked outside its work folder. */
class ArchiveChecksTest {
    @TempDir
    Path dir;

    private String refusal(Path archive) {
        return refusal(archive, LIMITS);
    }

    private String refusal(Path archive, ZipDirectory.Limits limits) {
        Path out = dir.resolve("out-" + System.nanoTime());
        ParkirException e = assertThrows(ParkirException.class, () -> ArchiveReader.read(archive, limits,
                new ArchiveReader.Target(out.resolve("parkir"), out.resolve("photos"), out.resolve("cameras.properties"))));
        assertEquals(400, e.kind().httpStatus, e.getMessage());
        return e.code();
    }

    private static Map<String, byte[]> database() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("database/parkir/service.properties", bytes("derby"));
        return m;
    }

    @Test
    void aGoodArchiveIsReadAndUnpackedIntoItsWorkFolderOnly() throws IOException {
        Path zip = TestArchives.good(dir);
        Path out = dir.resolve("out");
        Manifest m = ArchiveReader.read(zip, LIMITS, new ArchiveReader.Target(out.resolve("parkir"), out.resolve("photos"),
                out.resolve("cameras.properties")));
        assertEquals("parkir-20261201-140000", m.id());
        assertEquals(5, m.files());
        assertEquals("rows ".repeat(1000), Files.readString(out.resolve("parkir/seg0/c20.dat")));
        assertEquals(65536, Files.size(out.resolve("parkir/seg0/c10.dat")));
        assertTrue(Files.isRegularFile(out.resolve("photos/2026/12/01/20261201-070000-000-ABCDEFGHJK-entry-1a2b.jpg")));
        assertEquals("gate-1.name=Gate 1\n", Files.readString(out.resolve("cameras.properties")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.allMatch(p -> p.startsWith(dir)));
        }
        // checking alone writes nothing
        ArchiveReader.read(zip, LIMITS, ArchiveReader.Target.CHECK_ONLY);
    }

    @Test
    void truncatedArchivesAreRefused() throws IOException {
        byte[] good = Files.readAllBytes(TestArchives.good(dir));
        for (int cut : new int[] {1, 21, 100, good.length / 2, good.length - 30}) {
            Path t = dir.resolve("cut" + cut + ".zip");
            Files.write(t, Arrays.copyOf(good, good.length - cut));
            assertEquals("backup_invalid", refusal(t), "cut by " + cut);
        }
        Files.write(dir.resolve("empty.zip"), new byte[0]);
        assertEquals("backup_invalid", refusal(dir.resolve("empty.zip")));
        Files.writeString(dir.resolve("text.zip"), "not a zip at all, just some text that is long enough to look for an end record");
        assertEquals("backup_invalid", refusal(dir.resolve("text.zip")));
    }

    @Test
    void aDamagedByteIsFoundByItsChecksum() throws IOException {
        Path zip = TestArchives.good(dir);
        byte[] b = Files.readAllBytes(zip);
        // a byte inside the stored photo's data (stored, so no inflater notices)
        int photo = indexOf(b, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        b[photo + 3] = 9;
        Path damaged = Files.write(dir.resolve("damaged.zip"), b);
        assertEquals("backup_checksum_mismatch", refusal(damaged));
        // and inside the deflated database file
        byte[] c = Files.readAllBytes(zip);
        int data = TestArchives.centralHeader(c, "database/parkir/seg0/c20.dat");
        int local = java.nio.ByteBuffer.wrap(c).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(data + 42);
        c[local + 30 + "database/parkir/seg0/c20.dat".length() + 5] ^= 0x55;
        String code = refusal(Files.write(dir.resolve("damaged2.zip"), c));
        assertTrue(code.equals("backup_checksum_mismatch") || code.equals("backup_invalid"), code);
    }

    @Test
    void foreignArchivesAreRefused() throws IOException {
        assertEquals("backup_foreign", refusal(TestArchives.zip(dir.resolve("docs.zip"), Map.of("readme.txt", bytes("hello")))));
        assertEquals("backup_foreign", refusal(TestArchives.zip(dir.resolve("other.zip"),
                Map.of("manifest.json", bytes("{\"format\":\"something-else\",\"formatVersion\":1}")))));
        assertEquals("backup_foreign", refusal(TestArchives.zip(dir.resolve("junk.zip"), Map.of("manifest.json", bytes("[1,2")))));
        // a Parkir backup from a newer Parkir
        Manifest newer = new Manifest(Manifest.FORMAT, 2, "parkir-20261201-140000", "2026-12-01T07:00:00Z", "manual", "admin",
                "9.0", null, null, null, 0, 0, null);
        assertEquals("backup_incompatible", refusal(TestArchives.parkirShaped(dir.resolve("newer.zip"), database(), null, newer)));
    }

    @Test
    void pathsLeavingTheFolderAreRefusedWhateverTheArchive() throws IOException {
        for (String evil : List.of("../evil.txt", "database/parkir/../../../evil", "/etc/cron.d/evil", "photos/2026/12/01/..",
                "database\\parkir\\..\\..\\evil", "C:/evil", "database//parkir/x", "./manifest.json", "nvr/\u0000x")) {
            Map<String, byte[]> data = database();
            data.put(evil, bytes("x"));
            Path z = TestArchives.parkirShaped(dir.resolve("evil" + Math.abs(evil.hashCode()) + ".zip"), data, null, null);
            assertEquals("backup_unsafe", refusal(z), evil);
        }
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
    }

    @Test
    void unexpectedFilesInAParkirBackupAreRefused() throws IOException {
        Map<String, byte[]> data = database();
        data.put("etc/users.properties", bytes("admin=admin"));
        assertEquals("backup_invalid", refusal(TestArchives.parkirShaped(dir.resolve("extra.zip"), data, null, null)));
        Map<String, byte[]> other = new LinkedHashMap<>();
        other.put("database/otherdb/service.properties", bytes("derby"));
        assertEquals("backup_invalid", refusal(TestArchives.parkirShaped(dir.resolve("otherdb.zip"), other, null, null)));
    }

    @Test
    void symbolicLinksAreRefused() throws IOException {
        Path good = TestArchives.good(dir);
        String name = "nvr/cameras.properties";
        Path made = TestArchives.patch(good, dir.resolve("link1.zip"), name, 4, 0x031E, 2); // made by Unix
        Path link = TestArchives.patch(made, dir.resolve("link.zip"), name, 38, 0120777L << 16, 4);
        assertEquals("backup_unsafe", refusal(link));
    }

    @Test
    void encryptedAndDuplicatedEntriesAreRefused() throws IOException {
        Path good = TestArchives.good(dir);
        assertEquals("backup_unsafe", refusal(TestArchives.patch(good, dir.resolve("enc.zip"), "nvr/cameras.properties", 8, 1, 2)));
        Map<String, byte[]> data = database();
        data.put("photos/2026/12/01/a1.jpg", bytes("one"));
        data.put("photos/2026/12/01/a2.jpg", bytes("two"));
        Path two = TestArchives.parkirShaped(dir.resolve("two.zip"), data, null, null);
        byte[] b = Files.readAllBytes(two);
        int at = TestArchives.centralHeader(b, "photos/2026/12/01/a2.jpg") + 46 + "photos/2026/12/01/a".length();
        b[at] = '1';
        assertEquals("backup_unsafe", refusal(Files.write(dir.resolve("dup.zip"), b)));
    }

    @Test
    void zipBombsAreRefusedFromTheirDirectoryOrWhileUnpacking() throws IOException {
        Path good = TestArchives.good(dir);
        // declares more than may be unpacked
        assertEquals("backup_unsafe", refusal(TestArchives.patch(good, dir.resolve("huge.zip"), "database/parkir/seg0/c10.dat", 24,
                0xFFFFFFF0L, 4), new ZipDirectory.Limits(1000, 1L << 20, 1L << 20)));
        // more entries than allowed
        assertEquals("backup_unsafe", refusal(good, new ZipDirectory.Limits(3, 1L << 30, 1L << 30)));
        // declares less than it unpacks to: stopped at the declared size
        Path lying = TestArchives.patch(good, dir.resolve("lying.zip"), "database/parkir/seg0/c10.dat", 24, 1000, 4);
        String code = refusal(lying);
        assertTrue(code.equals("backup_unsafe") || code.equals("backup_invalid") || code.equals("backup_checksum_mismatch"), code);
    }

    @Test
    void sumsThatDoNotMatchAreRefused() throws IOException {
        Map<String, byte[]> data = database();
        data.put("photos/2026/12/01/p.jpg", bytes("photo"));
        String wrong = "0".repeat(64) + "  database/parkir/service.properties\n" + "0".repeat(64) + "  photos/2026/12/01/p.jpg\n";
        assertEquals("backup_checksum_mismatch", refusal(TestArchives.parkirShaped(dir.resolve("sums.zip"), data, wrong, null)));
        String missing = "0".repeat(64) + "  database/parkir/service.properties\n";
        assertEquals("backup_checksum_mismatch", refusal(TestArchives.parkirShaped(dir.resolve("short.zip"), data, missing, null)));
        // the manifest names other SUMS
        Manifest m = TestArchives.manifest("parkir-20261201-140000", new Manifest.Sums(EntryNames.SUMS, "a".repeat(64)), 2, 10,
                Map.of("PARKIR_SESSION", 1L));
        assertEquals("backup_checksum_mismatch", refusal(TestArchives.parkirShaped(dir.resolve("msums.zip"), data, null, m)));
    }

    @Test
    void entryNamesOfTheLayout() {
        assertEquals(EntryNames.Kind.PHOTO, EntryNames.kind("photos/2026/12/01/20261201-070000-000-ABC-entry-1a.jpg"));
        assertEquals(EntryNames.Kind.DATABASE, EntryNames.kind("database/parkir/seg0/c10.dat"));
        assertEquals(EntryNames.Kind.OTHER, EntryNames.kind("photos/2026/12/x.jpg"));
        assertEquals(EntryNames.Kind.OTHER, EntryNames.kind("database/parkir"));
        assertEquals(EntryNames.Kind.FOLDER, EntryNames.kind("database/parkir/seg0/"));
        assertEquals("parkir", EntryNames.databaseFolder("database/parkir/log/log1.dat"));
        assertEquals("log/log1.dat", EntryNames.databasePath("database/parkir/log/log1.dat"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}

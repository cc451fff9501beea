package id.parkir.backup.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Archives for the tests: a good one written by {@link ArchiveWriter}, and hand-made or patched bad ones. */
final class TestArchives {
    static final ZipDirectory.Limits LIMITS = new ZipDirectory.Limits(1000, 1L << 30, 1L << 30);

    private TestArchives() {
    }

    static Manifest manifest(String id, Manifest.Sums sums, long files, long bytes, Map<String, Long> counts) {
        return new Manifest(Manifest.FORMAT, Manifest.VERSION, id, "2026-12-01T07:00:00Z", "manual", "admin", "0.1.0.test",
                new Manifest.Database("derby", "parkir", "4", new TreeMap<>(counts)), new Manifest.Photos(1, "2026-12-01", 1, 5),
                new Manifest.Cameras(true, null), files, bytes, sums);
    }

    /** A good archive: a pretend database (three files), one photo, a camera list. */
    static Path good(Path dir) throws IOException {
        Path db = dir.resolve("src/parkir");
        Files.createDirectories(db.resolve("seg0"));
        Files.writeString(db.resolve("service.properties"), "derby");
        Files.write(db.resolve("seg0/c10.dat"), new byte[64 * 1024]);
        Files.writeString(db.resolve("seg0/c20.dat"), "rows ".repeat(1000));
        Path photo = dir.resolve("src/photo.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path cameras = dir.resolve("src/cameras.properties");
        Files.writeString(cameras, "gate-1.name=Gate 1\n");
        Path zip = dir.resolve("good.zip");
        try (ArchiveWriter w = new ArchiveWriter(zip, dir.resolve("sums.tmp"))) {
            w.addDatabase(db);
            w.addPhoto("2026/12/01/20261201-070000-000-ABCDEFGHJK-entry-1a2b.jpg", photo);
            w.addFile(EntryNames.CAMERAS, cameras);
            long files = w.files();
            long bytes = w.bytes();
            w.finish(sums -> manifest("parkir-20261201-140000", sums, files, bytes, Map.of("PARKIR_SESSION", 3L)));
        }
        return zip;
    }

    /** A zip of the given entries, as any tool would write it (no Parkir layout guaranteed). */
    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /** A Parkir-shaped archive built by hand: data entries, their SUMS (or given SUMS text), a manifest. */
    static Path parkirShaped(Path file, Map<String, byte[]> data, String sumsOverride, Manifest manifestOverride) throws IOException {
        StringBuilder sums = new StringBuilder();
        long bytes = 0;
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            sums.append(HexFormat.of().formatHex(ArchiveWriter.sha256().digest(e.getValue()))).append("  ").append(e.getKey()).append('\n');
            bytes += e.getValue().length;
        }
        byte[] sumsBytes = (sumsOverride == null ? sums.toString() : sumsOverride).getBytes(StandardCharsets.UTF_8);
        Manifest m = manifestOverride != null ? manifestOverride : manifest("parkir-20261201-140000",
                new Manifest.Sums(EntryNames.SUMS, HexFormat.of().formatHex(ArchiveWriter.sha256().digest(sumsBytes))),
                data.size(), bytes, Map.of("PARKIR_SESSION", 3L));
        Map<String, byte[]> all = new LinkedHashMap<>(data);
        all.put(EntryNames.SUMS, sumsBytes);
        all.put(EntryNames.MANIFEST, m.toJson());
        return zip(file, all);
    }

    /** The offset of the central-directory header of an entry. */
    static int centralHeader(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xFFFF) == n.length) {
                boolean same = true;
                for (int k = 0; k < n.length && same; k++) {
                    same = zip[i + 46 + k] == n[k];
                }
                if (same) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("no central header for " + name);
    }

    /** Patches a central-directory field of an entry: (offset within the header, value, bytes 2 or 4). */
    static Path patch(Path zip, Path out, String name, int field, long value, int width) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        int at = centralHeader(b, name) + field;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (width == 2) {
            buf.putShort(at, (short) value);
        } else {
            buf.putInt(at, (int) value);
        }
        Files.write(out, b);
        return out;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ByteArrayOutputStream buffer() {
        return new ByteArrayOutputStream();
    }
}

package id.parkir.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a backup archive completely and, if asked, unpacks it into a work folder: the directory
 * first ({@link ZipDirectory}: names, links, counts, sizes), then the manifest (a Parkir backup of a
 * format this server reads), then {@code SHA256SUMS} against the manifest, then every file against
 * its line in SHA256SUMS while it is unpacked (never more bytes than it declares). Anything wrong is
 * refused ({@link Refusal}) before the server's own data is touched: unpacking only writes below the
 * given work folders, into files it creates.
 */
final class ArchiveReader {
    private static final int BUFFER = 1 << 16;

    /** Where to unpack: the database into {@code database} (a folder named as the live one), photos below {@code photos}, the camera list as {@code cameras}; null: only checked. */
    record Target(Path database, Path photos, Path cameras) {
        static final Target CHECK_ONLY = new Target(null, null, null);
    }

    private ArchiveReader() {
    }

    static Manifest read(Path archive, ZipDirectory.Limits limits, Target target) throws IOException {
        List<ZipDirectory.Entry> entries = ZipDirectory.read(archive, limits);
        ZipDirectory.Entry manifestEntry = null;
        ZipDirectory.Entry sumsEntry = null;
        for (ZipDirectory.Entry e : entries) {
            if (e.name().equals(EntryNames.MANIFEST)) {
                manifestEntry = e;
            } else if (e.name().equals(EntryNames.SUMS)) {
                sumsEntry = e;
            }
        }
        if (manifestEntry == null) {
            throw Refusal.foreign("it has no manifest.json");
        }
        if (manifestEntry.size() > Manifest.MAX_BYTES) {
            throw Refusal.unsafe("its manifest.json is larger than " + Manifest.MAX_BYTES + " bytes");
        }
        try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
            Manifest m = Manifest.parse(readAll(zip, EntryNames.MANIFEST, Manifest.MAX_BYTES));
            if (sumsEntry == null) {
                throw Refusal.invalid("it has no SHA256SUMS");
            }
            long dataFiles = checkLayout(entries, m);
            String sumsHash = copy(zip, zip.getEntry(EntryNames.SUMS), null, new byte[BUFFER]);
            if (!sumsHash.equals(m.checksums().sha256())) {
                throw Refusal.checksum("SHA256SUMS is not the one its manifest names");
            }
            verifyFiles(zip, target, dataFiles);
            return m;
        } catch (ZipException e) {
            throw Refusal.invalid("its structure is broken (" + e.getMessage() + ")");
        }
    }

    /** Every entry in its place, one database folder named as the manifest says; answers the number of data files. */
    private static long checkLayout(List<ZipDirectory.Entry> entries, Manifest m) {
        long files = 0;
        boolean database = false;
        for (ZipDirectory.Entry e : entries) {
            EntryNames.Kind kind = EntryNames.kind(e.name());
            switch (kind) {
                case OTHER -> throw Refusal.invalid("it holds '" + e.name() + "', which no Parkir backup holds");
                case DATABASE -> {
                    if (!EntryNames.databaseFolder(e.name()).equals(m.database().name())) {
                        throw Refusal.invalid("it holds a database other than the manifest's: " + e.name());
                    }
                    database = true;
                    files++;
                }
                case PHOTO, CAMERAS -> files++;
                default -> {
                }
            }
        }
        if (!database) {
            throw Refusal.invalid("it holds no database");
        }
        if (files != m.files()) {
            throw Refusal.checksum("it holds " + files + " files where its manifest lists " + m.files());
        }
        return files;
    }

    /** Reads SHA256SUMS line by line beside the data entries, in archive order: each file must be its line. */
    private static void verifyFiles(ZipFile zip, Target target, long expected) throws IOException {
        ZipEntry sums = zip.getEntry(EntryNames.SUMS);
        byte[] buffer = new byte[BUFFER];
        long seen = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(sums), StandardCharsets.UTF_8))) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                EntryNames.Kind kind = EntryNames.kind(e.getName());
                if (kind != EntryNames.Kind.DATABASE && kind != EntryNames.Kind.PHOTO && kind != EntryNames.Kind.CAMERAS) {
                    continue;
                }
                String line = lines.readLine();
                if (line == null || line.length() < 67 || !line.substring(66).equals(e.getName()) || !line.startsWith("  ", 64)
                        || !Manifest.isSha256(line.substring(0, 64))) {
                    throw Refusal.checksum("SHA256SUMS does not list '" + e.getName() + "' in its place");
                }
                String actual = copy(zip, e, destination(target, kind, e.getName()), buffer);
                if (!actual.equals(line.substring(0, 64))) {
                    throw Refusal.checksum("'" + e.getName() + "' is not what was backed up (SHA-256 differs)");
                }
                seen++;
            }
            if (lines.readLine() != null || seen != expected) {
                throw Refusal.checksum("SHA256SUMS lists files the archive does not hold");
            }
        }
    }

    /** Where an entry is unpacked, or null when it is only checked. */
    private static Path destination(Target t, EntryNames.Kind kind, String name) {
        Path base;
        String relative;
        switch (kind) {
            case DATABASE -> {
                base = t.database();
                relative = EntryNames.databasePath(name);
            }
            case PHOTO -> {
                base = t.photos();
                relative = name.substring(EntryNames.PHOTOS.length());
            }
            default -> {
                return t.cameras();
            }
        }
        if (base == null) {
            return null;
        }
        Path out = base.resolve(relative).normalize();
        if (!out.startsWith(base.normalize())) {
            throw Refusal.unsafe("'" + name + "' leads out of the folder");
        }
        return out;
    }

    /** Streams an entry (at most its declared size) into its SHA-256 and, if given, a new file; answers the hash. */
    private static String copy(ZipFile zip, ZipEntry e, Path out, byte[] buffer) throws IOException {
        MessageDigest sha = ArchiveWriter.sha256();
        long declared = e.getSize();
        long n = 0;
        OutputStream file = null;
        try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha)) {
            if (out != null) {
                Files.createDirectories(out.getParent());
                file = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            }
            for (int r; (r = in.read(buffer)) > 0; ) {
                n += r;
                if (n > declared) {
                    // damaged, or a zip bomb lying about its size: either way not a byte more is written
                    throw Refusal.checksum("'" + e.getName() + "' unpacks to more than the " + declared + " bytes it declares");
                }
                if (file != null) {
                    file.write(buffer, 0, r);
                }
            }
        } catch (ZipException | java.io.EOFException damaged) {
            throw Refusal.checksum("'" + e.getName() + "' cannot be unpacked (" + damaged.getMessage() + ")");
        } finally {
            if (file != null) {
                file.close();
            }
        }
        if (n != declared) {
            throw Refusal.checksum("'" + e.getName() + "' holds " + n + " bytes where it declares " + declared);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] readAll(ZipFile zip, String name, int limit) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            byte[] b = in.readNBytes(limit + 1);
            if (b.length > limit) {
                throw Refusal.unsafe(name + " is larger than " + limit + " bytes");
            }
            return b;
        } catch (ZipException | java.io.EOFException damaged) {
            throw Refusal.checksum(name + " cannot be unpacked");
        }
    }
}

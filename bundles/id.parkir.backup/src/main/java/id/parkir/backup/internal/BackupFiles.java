package id.parkir.backup.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.backup.BackupInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup folder: archives named {@code parkir-yyyyMMdd-HHmmss[-n].zip} (the site's local time),
 * each with a small {@code .json} beside it (its {@link BackupInfo}, so the list is read without
 * opening every archive), {@code status.json} (the last runs), and {@code work/} for what is being
 * written, checked or restored (emptied at every start). An archive is written as {@code .part} and
 * renamed once complete, so a crash never leaves a half archive under a backup's name.
 */
final class BackupFiles {
    private static final Logger LOG = LoggerFactory.getLogger(BackupFiles.class);
    private static final Pattern ID = Pattern.compile("parkir-\\d{8}-\\d{6}(-\\d{1,2})?");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    final Path folder;

    BackupFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The local time an id names. */
    static LocalDateTime timeOf(String id) {
        return LocalDateTime.parse(id.substring(7, 22), STAMP);
    }

    Path archive(String id) {
        return folder.resolve(id + ".zip");
    }

    Path info(String id) {
        return folder.resolve(id + ".json");
    }

    Path work() {
        return folder.resolve("work");
    }

    /** A new id for a backup made at {@code local}, not yet used in this folder. */
    String newId(LocalDateTime local) {
        String base = "parkir-" + STAMP.format(local);
        String id = base;
        for (int n = 2; Files.exists(archive(id)) || Files.exists(folder.resolve(id + ".zip.part")); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Ids of the archives in a folder (this one or the second), newest first. */
    static List<String> ids(Path dir) {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "parkir-*.zip")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                if (isId(id) && Files.isRegularFile(f)) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.toString());
        }
        ids.sort(Comparator.comparing(BackupFiles::timeOf).thenComparing(Comparator.naturalOrder()));
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** What a backup is: from its .json, else from the manifest inside its archive. */
    Optional<BackupInfo> read(String id) {
        try {
            if (Files.isRegularFile(info(id))) {
                return Optional.of(Manifest.JSON.readValue(info(id).toFile(), BackupInfo.class));
            }
            try (ZipFile zip = new ZipFile(archive(id).toFile())) {
                ZipEntry e = zip.getEntry(EntryNames.MANIFEST);
                if (e == null || e.getSize() > Manifest.MAX_BYTES) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(e)) {
                    Manifest m = Manifest.parse(in.readNBytes(Manifest.MAX_BYTES));
                    return Optional.of(m.info(Files.size(archive(id)), 0, false));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Backup {} cannot be read: {}", id, e.toString());
            return Optional.empty();
        }
    }

    void writeInfo(BackupInfo info) throws IOException {
        writeAtomically(info(info.id()), Manifest.JSON.writeValueAsBytes(info));
    }

    /** Deletes a backup's archive and its .json. */
    static void delete(Path dir, String id) {
        try {
            Files.deleteIfExists(dir.resolve(id + ".zip"));
            Files.deleteIfExists(dir.resolve(id + ".json"));
        } catch (IOException e) {
            LOG.warn("Backup {} in {} could not be deleted: {}", id, dir, e.toString());
        }
    }

    /** Writes a small file whole and moves it into place. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            out.write(bytes);
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies a file into another folder under the same name: written as .part, synced, renamed. */
    static void copyInto(Path file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * An upload saved as {@code upload.zip} in a new folder below work/ (the file is answered; delete its
     * folder afterwards), refused beyond {@code max} bytes or when empty.
     */
    Path receive(InputStream in, long max) throws IOException {
        if (in == null) {
            throw ParkirException.invalid("backup_missing", "send the backup archive (.zip) as the request body");
        }
        Path dir = work().resolve("upload-" + System.nanoTime());
        Files.createDirectories(dir);
        long n = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(dir.resolve("upload.zip"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int r; (r = in.read(buffer)) > 0; ) {
                n += r;
                if (n > max) {
                    throw new ParkirException(ParkirException.Kind.TOO_LARGE, "body_too_large", "the archive is larger than "
                            + max / (1024 * 1024) + " MB (maxUploadMb in etc/id.parkir.backup.cfg)");
                }
                out.write(buffer, 0, r);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        if (n == 0) {
            deleteTree(dir);
            throw ParkirException.invalid("backup_missing", "the upload is empty: send the backup archive (.zip) as the body");
        }
        return dir.resolve("upload.zip");
    }

    /** Empties work/ and removes .part files a crash left behind (at start, when nothing runs). */
    void cleanUp() {
        deleteTree(work());
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("No leftovers removed from {}: {}", folder, e.toString());
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}

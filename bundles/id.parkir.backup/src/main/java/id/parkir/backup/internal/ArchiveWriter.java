package id.parkir.backup.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup archive (layout in {@link EntryNames}): the database copy and the camera list
 * deflated at the fastest level (Derby's pages shrink well, and the gates share the CPU), photos
 * stored as they are (JPEG and PNG do not shrink), each file's SHA-256 taken as it is written into
 * {@code SHA256SUMS}, then {@code manifest.json} with the SUMS' SHA-256. The file is synced before it
 * is answered.
 */
final class ArchiveWriter implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final FileChannel channel;
    private final ZipOutputStream zip;
    private final Path sumsFile;
    private final OutputStream sums;
    private final MessageDigest sumsDigest = sha256();
    private final byte[] buffer = new byte[BUFFER];
    private long files;
    private long bytes;

    /** {@code sumsFile}: where SHA256SUMS is gathered meanwhile (it can be large, so not in memory). */
    ArchiveWriter(Path target, Path sumsFile) throws IOException {
        this.sumsFile = sumsFile;
        sums = new BufferedOutputStream(Files.newOutputStream(sumsFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
    }

    /** Every file below a database copy, as database/<its folder name>/... */
    void addDatabase(Path copy) throws IOException {
        String prefix = EntryNames.DATABASE + copy.getFileName() + "/";
        List<Path> all;
        try (Stream<Path> walk = Files.walk(copy)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : all) {
            add(prefix + copy.relativize(f).toString().replace('\\', '/'), f, true);
        }
    }

    /**
     * A photo under its path in the image store (yyyy/MM/dd/name), stored without compression; answers
     * its size. A photo deleted meanwhile throws NoSuchFileException before anything is written.
     */
    long addPhoto(String relative, Path file) throws IOException {
        return add(EntryNames.PHOTOS + relative, file, false);
    }

    void addFile(String name, Path file) throws IOException {
        add(name, file, true);
    }

    private long add(String name, Path file, boolean deflate) throws IOException {
        ZipEntry e = new ZipEntry(name);
        MessageDigest sha = sha256();
        long n = 0;
        // opened before the entry starts: a file deleted from now on is still read whole
        try (InputStream in = Files.newInputStream(file)) {
            e.setTime(Files.getLastModifiedTime(file).toMillis());
            if (!deflate) {
                e.setMethod(ZipEntry.STORED);
                e.setSize(Files.size(file));
                e.setCompressedSize(Files.size(file));
                e.setCrc(crc(file));
            }
            zip.putNextEntry(e);
            for (int r; (r = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, r);
                zip.write(buffer, 0, r);
                n += r;
            }
        }
        zip.closeEntry();
        byte[] line = (HexFormat.of().formatHex(sha.digest()) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8);
        sums.write(line);
        sumsDigest.update(line);
        files++;
        bytes += n;
        return n;
    }

    private long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, r);
            }
        }
        return crc.getValue();
    }

    /** Files and bytes written so far (before SHA256SUMS and the manifest). */
    long files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    /** Writes SHA256SUMS and the manifest (given the SUMS' checksum), closes and syncs the file. */
    Manifest finish(java.util.function.Function<Manifest.Sums, Manifest> manifest) throws IOException {
        sums.close();
        zip.putNextEntry(new ZipEntry(EntryNames.SUMS));
        Files.copy(sumsFile, zip);
        zip.closeEntry();
        Manifest m = manifest.apply(new Manifest.Sums(EntryNames.SUMS, HexFormat.of().formatHex(sumsDigest.digest())));
        zip.putNextEntry(new ZipEntry(EntryNames.MANIFEST));
        zip.write(m.toJson());
        zip.closeEntry();
        zip.finish();
        zip.flush();
        channel.force(true);
        return m;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sums.close();
            zip.close();
        } finally {
            channel.close();
        }
    }
}

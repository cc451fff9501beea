package id.parkir.backup.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The central directory of a zip archive, read by hand before anything else opens it, so that what
 * {@code java.util.zip} would not tell (symbolic links, encryption, declared sizes, several disks) is
 * checked, and so that counts and sizes are refused before anything is allocated or extracted: a
 * truncated or foreign file, a zip bomb, entries that would leave the folder they are extracted to.
 * Zip64 (more than 65,535 entries or 4 GB) is read. Names are checked by {@link EntryNames}.
 */
final class ZipDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFLNK = 0xA000;

    /** One entry as the central directory declares it. */
    record Entry(String name, int method, long compressedSize, long size, boolean directory) {
    }

    /** What an archive may declare: entries, their total size, and the largest single entry. */
    record Limits(int maxEntries, long maxTotalBytes, long maxEntryBytes) {
    }

    private ZipDirectory() {
    }

    static List<Entry> read(Path zip, Limits limits) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < 22) {
                throw Refusal.invalid("it is not a zip archive (or is empty)");
            }
            long eocd = findEnd(ch, fileSize);
            ByteBuffer end = read(ch, eocd, 22);
            int disk = u16(end, 4);
            int cdDisk = u16(end, 6);
            long entries = u16(end, 10);
            long cdSize = u32(end, 12);
            long cdOffset = u32(end, 16);
            long cdEnd = eocd;
            if (entries == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
                if (eocd < 20) {
                    throw Refusal.invalid("its zip64 end record is missing");
                }
                ByteBuffer loc = read(ch, eocd - 20, 20);
                if (loc.getInt(0) != ZIP64_LOCATOR) {
                    throw Refusal.invalid("its zip64 end record is missing");
                }
                long z = loc.getLong(8);
                if (z < 0 || z + 56 > eocd - 20) {
                    throw Refusal.invalid("its zip64 end record is out of place");
                }
                ByteBuffer z64 = read(ch, z, 56);
                if (z64.getInt(0) != ZIP64_EOCD) {
                    throw Refusal.invalid("its zip64 end record is damaged");
                }
                disk = z64.getInt(16);
                cdDisk = z64.getInt(20);
                entries = z64.getLong(32);
                cdSize = z64.getLong(40);
                cdOffset = z64.getLong(48);
                cdEnd = z;
            }
            if (disk != 0 || cdDisk != 0) {
                throw Refusal.unsafe("archives split over several disks are not read");
            }
            if (entries < 0 || entries > limits.maxEntries()) {
                throw Refusal.unsafe("it declares " + entries + " files; at most " + limits.maxEntries() + " are read");
            }
            if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != cdEnd) {
                throw Refusal.invalid("its directory is not where its end record says (cut short or damaged)");
            }
            return entries(ch, cdOffset, cdSize, (int) entries, limits);
        }
    }

    /** The end record: the last signature that the comment length leads exactly to the end of the file. */
    private static long findEnd(FileChannel ch, long fileSize) throws IOException {
        int tail = (int) Math.min(fileSize, 22 + 65535);
        ByteBuffer b = read(ch, fileSize - tail, tail);
        for (int i = tail - 22; i >= 0; i--) {
            if (b.getInt(i) == EOCD && i + 22 + u16(b, i + 20) == tail) {
                return fileSize - tail + i;
            }
        }
        throw Refusal.invalid("no zip end record: not a zip archive, or cut short (an incomplete download or upload?)");
    }

    private static List<Entry> entries(FileChannel ch, long offset, long size, int count, Limits limits) throws IOException {
        List<Entry> out = new ArrayList<>(Math.min(count, 4096));
        Set<String> names = new HashSet<>();
        long total = 0;
        ch.position(offset);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new Limited(Channels.newInputStream(ch), size), 1 << 16));
        byte[] fixed = new byte[46];
        try {
            for (int i = 0; i < count; i++) {
                in.readFully(fixed);
                ByteBuffer h = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
                if (h.getInt(0) != CENTRAL) {
                    throw Refusal.invalid("its directory is damaged at entry " + (i + 1));
                }
                int madeBy = u16(h, 4) >> 8;
                int flags = u16(h, 8);
                int method = u16(h, 10);
                long compressed = u32(h, 20);
                long uncompressed = u32(h, 24);
                int nameLength = u16(h, 28);
                int extraLength = u16(h, 30);
                int commentLength = u16(h, 32);
                int diskStart = u16(h, 34);
                long external = u32(h, 38);
                long localOffset = u32(h, 42);
                byte[] rawName = new byte[nameLength];
                in.readFully(rawName);
                byte[] extra = new byte[extraLength];
                in.readFully(extra);
                in.skipNBytes(commentLength);
                long[] sizes = zip64(extra, uncompressed, compressed, localOffset, diskStart);
                String name = new String(rawName, StandardCharsets.UTF_8);
                EntryNames.checkSafe(name);
                if (madeBy == UNIX && ((external >>> 16) & S_IFMT) == S_IFLNK) {
                    throw Refusal.unsafe("'" + name + "' is a symbolic link");
                }
                if ((flags & 1) != 0) {
                    throw Refusal.unsafe("'" + name + "' is encrypted");
                }
                if (method != 0 && method != 8) {
                    throw Refusal.invalid("'" + name + "' is compressed with method " + method + " (only stored and deflated are read)");
                }
                if (!names.add(name)) {
                    throw Refusal.unsafe("'" + name + "' is in the archive twice");
                }
                if (sizes[0] < 0 || sizes[0] > limits.maxEntryBytes()) {
                    throw Refusal.unsafe("'" + name + "' declares " + sizes[0] + " bytes; at most " + limits.maxEntryBytes());
                }
                if (sizes[2] < 0 || sizes[1] < 0 || sizes[2] + sizes[1] > offset) {
                    throw Refusal.invalid("'" + name + "' lies outside the archive's data");
                }
                total += sizes[0];
                if (total > limits.maxTotalBytes()) {
                    throw Refusal.unsafe("its files unpack to more than " + limits.maxTotalBytes() + " bytes");
                }
                out.add(new Entry(name, method, sizes[1], sizes[0], name.endsWith("/")));
            }
        } catch (EOFException e) {
            throw Refusal.invalid("its directory ends early");
        }
        return out;
    }

    /** Sizes and offset as {uncompressed, compressed, local header offset}, from the zip64 extra field where marked. */
    private static long[] zip64(byte[] extra, long size, long compressed, long offset, int disk) {
        long[] r = {size, compressed, offset};
        if (size != 0xFFFFFFFFL && compressed != 0xFFFFFFFFL && offset != 0xFFFFFFFFL && disk != 0xFFFF) {
            return r;
        }
        ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int id = u16(b, b.position());
            int length = u16(b, b.position() + 2);
            b.position(b.position() + 4);
            if (length > b.remaining()) {
                break;
            }
            if (id == 1) {
                int p = b.position();
                int end = p + length;
                if (size == 0xFFFFFFFFL && p + 8 <= end) {
                    r[0] = b.getLong(p);
                    p += 8;
                }
                if (compressed == 0xFFFFFFFFL && p + 8 <= end) {
                    r[1] = b.getLong(p);
                    p += 8;
                }
                if (offset == 0xFFFFFFFFL && p + 8 <= end) {
                    r[2] = b.getLong(p);
                }
                return r;
            }
            b.position(b.position() + length);
        }
        throw Refusal.invalid("an entry's zip64 sizes are missing");
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw Refusal.invalid("it ends early");
            }
        }
        return b.flip();
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFFFFFFL;
    }

    /** At most {@code left} bytes of a stream: the directory is never read past its declared size. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}

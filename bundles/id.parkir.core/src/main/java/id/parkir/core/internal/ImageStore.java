package id.parkir.core.internal;

import id.parkir.api.ImageHeader;
import id.parkir.api.ParkirException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Gate photos on disk: {@code <dir>/<yyyy>/<MM>/<dd>/<yyyyMMdd-HHmmss-SSS>-<ticket>-<entry|exit>-<random>.<jpg|png>}.
 * Names are built only from the clock and a checked ticket number, never from client input, so no
 * path traversal is possible; files are fsynced before the session that links them commits.
 */
final class ImageStore {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path root;
    private final int maxBytes;
    private final long maxPixels;
    private final ZoneId zone;

    ImageStore(Path root, int maxBytes, long maxPixels, ZoneId zone) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.zone = zone;
    }

    /**
     * Rejects oversize, non-JPEG/PNG, pixel-bomb and undecodable uploads before anything is
     * written; returns the extension. The size comes from the header; the decode that proves the
     * photo is readable runs subsampled to about a megapixel, so it costs a few MB whatever the photo.
     */
    String check(byte[] image) {
        String ext = ImageHeader.requireAcceptable(image, maxBytes, maxPixels);
        if (!complete(image, ext)) {
            // ImageIO decodes a truncated JPEG without complaint (grey bottom rows): refuse it here.
            throw ParkirException.invalid("image_invalid", "image is truncated (upload incomplete?)");
        }
        if (!decodes(image, ImageHeader.size(image).orElseThrow())) {
            throw ParkirException.invalid("image_invalid", "image is broken or cannot be decoded");
        }
        return ext;
    }

    /** Photos being test-decoded at once (a progressive 16 MP JPEG can take ~100 MB while it decodes). */
    private static final java.util.concurrent.Semaphore DECODING = new java.util.concurrent.Semaphore(2);

    private static boolean decodes(byte[] image, ImageHeader.Size size) {
        try {
            if (!DECODING.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw ParkirException.unavailable("image_busy", "the server is checking other photos: try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParkirException.unavailable("image_busy", "interrupted while waiting to check the photo");
        }
        try {
            return decodesNow(image, size);
        } finally {
            DECODING.release();
        }
    }

    private static boolean decodesNow(byte[] image, ImageHeader.Size size) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) != size.width() || reader.getHeight(0) != size.height()) {
                    return false; // a header that lies about the size
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt(size.pixels() / 1_000_000.0)));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                return decoded != null && decoded.getWidth() > 0;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean complete(byte[] b, String ext) {
        if ("png".equals(ext)) {
            return b.length >= 12 && b[b.length - 8] == 'I' && b[b.length - 7] == 'E' && b[b.length - 6] == 'N'
                    && b[b.length - 5] == 'D';
        }
        for (int i = b.length - 2; i >= Math.max(2, b.length - 64); i--) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Writes and fsyncs the photo; returns its path relative to the image folder. */
    String store(byte[] image, String ext, String ticket, String role, Instant at) {
        // a random tail: two gates quoting one ticket in the same millisecond get two files
        String relative = FOLDER.format(at.atZone(zone)) + "/" + STAMP.format(at.atZone(zone)) + "-" + ticket + "-" + role
                + "-" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000)) + "." + ext;
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(image);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            return relative;
        } catch (IOException e) {
            throw new IllegalStateException("cannot store photo " + file + ": " + e.getMessage(), e);
        }
    }

    /** The photo at a path this store wrote, or null when it is gone; nothing outside the folder is read. */
    byte[] load(String relative) {
        if (relative == null) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root.normalize())) {
            return null; // paths come from the database, which only this class writes: never expected
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    void deleteQuietly(String relative) {
        if (relative != null) {
            try {
                Files.deleteIfExists(root.resolve(relative));
            } catch (IOException ignored) {
                // best effort: an orphan photo is harmless, a lost session is not
            }
        }
    }
}

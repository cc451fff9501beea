package id.parkir.core.internal;

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
import javax.imageio.ImageIO;

/**
 * Gate photos on disk: {@code <dir>/<yyyy>/<MM>/<dd>/<yyyyMMdd-HHmmss-SSS>-<ticket>-<entry|exit>.<jpg|png>}.
 * Names are built only from the clock and a checked ticket number, never from client input, so no
 * path traversal is possible; files are fsynced before the session that links them commits.
 */
final class ImageStore {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path root;
    private final int maxBytes;
    private final ZoneId zone;

    ImageStore(Path root, int maxBytes, ZoneId zone) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.zone = zone;
    }

    /** Rejects oversize, non-JPEG/PNG and undecodable uploads before anything is written. Returns the extension. */
    String check(byte[] image) {
        if (image.length > maxBytes) {
            throw new ParkirException(ParkirException.Kind.TOO_LARGE, "image_too_large",
                    "image is " + image.length + " bytes; the limit is " + maxBytes);
        }
        String ext = extensionOf(image);
        if (ext == null) {
            throw ParkirException.invalid("image_invalid", "image must be a JPEG or PNG file");
        }
        if (!complete(image, ext)) {
            // ImageIO decodes a truncated JPEG without complaint (grey bottom rows): refuse it here.
            throw ParkirException.invalid("image_invalid", "image is truncated (upload incomplete?)");
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException | RuntimeException e) {
            decoded = null;
        }
        if (decoded == null || decoded.getWidth() < 8 || decoded.getHeight() < 8) {
            throw ParkirException.invalid("image_invalid", "image is broken or cannot be decoded");
        }
        return ext;
    }

    static String extensionOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        return null;
    }

    /** A JPEG ends with the EOI marker (cameras may pad a few bytes after it); a PNG with its IEND chunk. */
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

    byte[] load(String relative) {
        if (relative == null) {
            return null;
        }
        try {
            return Files.readAllBytes(root.resolve(relative));
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

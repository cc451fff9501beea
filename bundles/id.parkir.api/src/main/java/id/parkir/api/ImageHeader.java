package id.parkir.api;

import java.util.Optional;

/**
 * What a JPEG or PNG says about itself before anything decodes it: its format and its declared
 * width and height. Every bundle that decodes photos checks them here first, so a 222-byte file
 * that claims 30000x30000 pixels is refused instead of costing gigabytes of memory.
 */
public final class ImageHeader {
    /** Largest photo by default: 4096x4096, beyond a 4K (3840x2160) camera's frame. */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
    /** Largest side accepted whatever the pixel budget (a panorama of 1x16M pixels is not a gate photo). */
    public static final int MAX_SIDE = 16384;
    public static final int MIN_SIDE = 8;

    /** Declared size of an image. */
    public record Size(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private ImageHeader() {
    }

    /** {@code "jpg"}, {@code "png"} or null, from the file's first bytes. */
    public static String format(byte[] b) {
        if (b == null) {
            return null;
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        return null;
    }

    /** The size the header declares, or empty when there is no readable header. */
    public static Optional<Size> size(byte[] b) {
        String format = format(b);
        if ("png".equals(format)) {
            // IHDR is the first chunk: length (4), "IHDR" (4), width (4), height (4)
            if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                return Optional.empty();
            }
            long w = u32(b, 16);
            long h = u32(b, 20);
            return w > Integer.MAX_VALUE || h > Integer.MAX_VALUE ? Optional.of(new Size(Integer.MAX_VALUE, Integer.MAX_VALUE))
                    : Optional.of(new Size((int) w, (int) h));
        }
        return "jpg".equals(format) ? jpegSize(b) : Optional.empty();
    }

    /** Walks the JPEG markers to the first start-of-frame, which carries the size. */
    private static Optional<Size> jpegSize(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // no length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image or scan data before any frame header
            }
            int length = u16(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (i + 8 >= b.length || length < 7) {
                    return Optional.empty();
                }
                return Optional.of(new Size(u16(b, i + 7), u16(b, i + 5)));
            }
            if (length < 2) {
                return Optional.empty();
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    /**
     * Refuses, with a clear 4xx and before any decoding, what is not a JPEG or PNG, is larger than
     * {@code maxBytes} (413) or declares more than {@code maxPixels}, a side over {@link #MAX_SIDE}
     * or under {@link #MIN_SIDE} (400). Returns the format.
     */
    public static String requireAcceptable(byte[] b, long maxBytes, long maxPixels) {
        if (b == null || b.length == 0) {
            throw ParkirException.invalid("image_invalid", "an image (JPEG or PNG) is required");
        }
        if (b.length > maxBytes) {
            throw new ParkirException(ParkirException.Kind.TOO_LARGE, "image_too_large",
                    "image is " + b.length + " bytes; the limit is " + maxBytes);
        }
        String format = format(b);
        if (format == null) {
            throw ParkirException.invalid("image_invalid", "image must be a JPEG or PNG file");
        }
        Size size = size(b).orElseThrow(() -> ParkirException.invalid("image_invalid",
                "image has no readable size in its header (broken or not a photo)"));
        if (size.width() < MIN_SIDE || size.height() < MIN_SIDE) {
            throw ParkirException.invalid("image_invalid", "image is " + size.width() + "x" + size.height()
                    + " pixels; each side must be at least " + MIN_SIDE);
        }
        if (size.width() > MAX_SIDE || size.height() > MAX_SIDE || size.pixels() > maxPixels) {
            throw ParkirException.invalid("image_dimensions_too_large", "image declares " + size.width() + "x" + size.height()
                    + " pixels; the limit is " + maxPixels + " pixels and " + MAX_SIDE + " per side");
        }
        return format;
    }

    private static int u16(byte[] b, int i) {
        return i + 1 < b.length ? ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff) : 0;
    }

    private static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }
}

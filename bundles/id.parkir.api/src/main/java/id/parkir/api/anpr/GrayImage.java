package id.parkir.api.anpr;

/**
 * An 8-bit grey image, row-major, one byte per pixel (0 black .. 255 white). The neutral image
 * type of the ANPR contracts, so a reader or detector needs no particular imaging library.
 */
public record GrayImage(int width, int height, byte[] pixels) {
    public GrayImage {
        if (width <= 0 || height <= 0 || pixels == null || pixels.length != width * height) {
            throw new IllegalArgumentException("grey image " + width + "x" + height + " needs " + width * height + " bytes");
        }
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}

package id.parkir.anpr.internal;

import id.parkir.api.ImageHeader;
import id.parkir.api.ParkirException;
import id.parkir.api.anpr.GrayImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Loads OpenCV's natives once and converts between encoded images, {@link GrayImage} and Mat. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }

    /** {@link #decodeGray(byte[], long)} with the default pixel limit (tools and tests). */
    public static Mat decodeGray(byte[] encoded) {
        return decodeGray(encoded, ImageHeader.DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes JPEG/PNG bytes to an 8-bit grey Mat, the caller releases it; a user error when they
     * are not an image or declare more than {@code maxPixels} (checked in the header, before any
     * memory is given to the decoder).
     */
    public static Mat decodeGray(byte[] encoded, long maxPixels) {
        load();
        if (encoded == null || encoded.length < 16) {
            throw ParkirException.invalid("image_invalid", "an image (JPEG or PNG) is required");
        }
        ImageHeader.requireAcceptable(encoded, Long.MAX_VALUE, maxPixels);
        MatOfByte buffer = new MatOfByte(encoded);
        Mat m;
        try {
            m = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_GRAYSCALE);
        } finally {
            buffer.release();
        }
        if (m.empty() || m.cols() < 8 || m.rows() < 8) {
            m.release();
            throw ParkirException.invalid("image_invalid", "the upload is not a readable JPEG or PNG image");
        }
        return m;
    }

    public static Mat toMat(GrayImage image) {
        load();
        Mat m = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        m.put(0, 0, image.pixels());
        return m;
    }

    public static GrayImage toGray(Mat gray) {
        Mat m = gray.isContinuous() ? gray : gray.clone();
        byte[] px = new byte[m.rows() * m.cols()];
        m.get(0, 0, px);
        if (m != gray) {
            m.release();
        }
        return new GrayImage(m.cols(), m.rows(), px);
    }
}

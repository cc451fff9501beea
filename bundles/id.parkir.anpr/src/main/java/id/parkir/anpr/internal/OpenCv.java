package id.parkir.anpr.internal;

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

    /** Decodes JPEG/PNG bytes to an 8-bit grey Mat; a user error when they are not an image. */
    public static Mat decodeGray(byte[] encoded) {
        load();
        if (encoded == null || encoded.length < 16) {
            throw ParkirException.invalid("image_invalid", "an image (JPEG or PNG) is required");
        }
        Mat m = Imgcodecs.imdecode(new MatOfByte(encoded), Imgcodecs.IMREAD_GRAYSCALE);
        if (m.empty() || m.cols() < 8 || m.rows() < 8) {
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
        return new GrayImage(m.cols(), m.rows(), px);
    }
}

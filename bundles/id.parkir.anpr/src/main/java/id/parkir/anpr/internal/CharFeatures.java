package id.parkir.anpr.internal;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns the grey crop of one character into the image the classifier sees: contrast-stretched,
 * bright character on black, fitted into 24x48 keeping its aspect ratio (which tells "1" and "I"
 * from wider shapes). Training and recognition share this one function, so they cannot drift apart.
 */
public final class CharFeatures {
    public static final int W = 24;
    public static final int H = 48;

    private CharFeatures() {
    }

    /**
     * @param crop grey crop of a single character, tight around it
     * @param brightChar true when the character is brighter than its background
     * @return the 24x48 image: bright character, black border, aspect preserved
     */
    public static Mat normalise(Mat crop, boolean brightChar) {
        Mat g = new Mat();
        if (brightChar) {
            crop.copyTo(g);
        } else {
            Core.bitwise_not(crop, g);
        }
        Core.normalize(g, g, 0, 255, Core.NORM_MINMAX);
        double scale = Math.min((double) (W - 2) / g.cols(), (double) (H - 2) / g.rows());
        int w = Math.max(1, (int) Math.round(g.cols() * scale));
        int h = Math.max(1, (int) Math.round(g.rows() * scale));
        Mat small = new Mat();
        Imgproc.resize(g, small, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        Mat out = Mat.zeros(H, W, CvType.CV_8UC1);
        small.copyTo(out.submat(new Rect((W - w) / 2, (H - h) / 2, w, h)));
        return out;
    }
}

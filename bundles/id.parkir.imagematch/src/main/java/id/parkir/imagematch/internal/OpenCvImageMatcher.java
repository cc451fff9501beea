package id.parkir.imagematch.internal;

import id.parkir.api.ImageMatcher;
import id.parkir.api.PluginProperties;
import id.parkir.api.ImageHeader;
import java.util.ArrayList;
import java.util.List;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.DMatch;
import org.opencv.core.KeyPoint;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfDMatch;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfKeyPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.features2d.DescriptorMatcher;
import org.opencv.features2d.ORB;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.osgi.service.component.annotations.Component;

/**
 * Compares the entry and exit photos of a vehicle with OpenCV.
 *
 * <p>Both photos are decoded, scaled to {@value #WORK_WIDTH} px wide and reduced to two cues taken
 * from the centre of the frame (where the vehicle is; the borders are mostly background):
 * <ul>
 * <li><b>shape</b>: ORB keypoints (on a contrast-stretched grey image) matched with Lowe's ratio
 * test and verified with a RANSAC homography. The number of geometrically consistent matches
 * (inliers) is what tells the same vehicle from another one, even of the same model;</li>
 * <li><b>colour</b>: a coarse hue/saturation/value histogram compared with the Bhattacharyya
 * distance. It is a weak cue (exposure and white balance differ between cameras) and only
 * nudges the score, e.g. a white and a black car of the same model.</li>
 * </ul>
 * Each cue is mapped to 0..1 and the two are blended; see {@link Settings#DEFAULT} for the values,
 * which were chosen with {@code PairEvaluationTest}.
 *
 * <p>Thread-safe: every call works on its own native objects and releases them before returning.
 */
@Component(service = ImageMatcher.class,
        property = {PluginProperties.ID + "=opencv", PluginProperties.NAME + "=OpenCV (ORB keypoints + colour)"})
public class OpenCvImageMatcher implements ImageMatcher {

    /** Width every photo is scaled to before anything else. */
    static final int WORK_WIDTH = 320;

    /** Tunable parameters; {@link #DEFAULT} is what the service uses. */
    record Settings(
            double cropMargin,      // fraction cut from each side: the centre holds the vehicle,
                                    // the borders are mostly background that other vehicles share
            int hueBins, int satBins, int valBins,
            double colourFloor,     // colour similarity (1 - Bhattacharyya) at or below this maps to 0
            int orbFeatures,
            double ratio,           // Lowe ratio test
            double ransacPx,        // RANSAC reprojection threshold, in work-size pixels
            int inlierFloor,        // inliers at or below this are chance (different vehicles)
            int inlierFull,         // inliers at or above this give shape score 1
            double colourWeight) {  // score = colourWeight * colour + (1 - colourWeight) * shape

        static final Settings DEFAULT = new Settings(0.10, 8, 4, 4, 0.4, 500, 0.75, 5.0, 8, 40, 0.2);
    }

    /** The raw cues and the blended score of one comparison. */
    record Parts(double colour, int goodMatches, int inliers, double score) {
    }

    private final Settings settings;

    public OpenCvImageMatcher() {
        this(Settings.DEFAULT);
    }

    OpenCvImageMatcher(Settings settings) {
        Natives.load();
        this.settings = settings;
    }

    @Override
    public double score(byte[] entryImage, byte[] exitImage) {
        // two comparisons at a time: each holds two decoded photos in native memory while it works
        try {
            if (!comparing.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the image matcher is busy with other comparisons");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to compare photos", e);
        }
        try {
            return compare(entryImage, exitImage).score();
        } finally {
            comparing.release();
        }
    }

    private final java.util.concurrent.Semaphore comparing = new java.util.concurrent.Semaphore(2);

    Parts compare(byte[] entryImage, byte[] exitImage) {
        Features a = extract(entryImage, "entry");
        try {
            Features b = extract(exitImage, "exit");
            try {
                return compare(a, b);
            } finally {
                b.release();
            }
        } finally {
            a.release();
        }
    }

    /** What one photo is reduced to: colour histogram and ORB keypoints of its centre. */
    static final class Features {
        final Mat hist;
        final MatOfKeyPoint keypoints;
        final Mat descriptors;

        Features(Mat hist, MatOfKeyPoint keypoints, Mat descriptors) {
            this.hist = hist;
            this.keypoints = keypoints;
            this.descriptors = descriptors;
        }

        void release() {
            hist.release();
            keypoints.release();
            descriptors.release();
        }
    }

    /**
     * Decodes and reduces one photo.
     *
     * @param which {@code entry} or {@code exit}, for the error message
     * @throws IllegalArgumentException if the bytes are empty or not a decodable image
     */
    Features extract(byte[] encoded, String which) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("the " + which + " image is empty");
        }
        // the size its header declares, before the decoder allocates for it
        ImageHeader.Size declared = ImageHeader.size(encoded).orElseThrow(() ->
                new IllegalArgumentException("the " + which + " image is not a decodable JPEG or PNG photo (no readable header)"));
        if (declared.pixels() > ImageHeader.DEFAULT_MAX_PIXELS || declared.width() > ImageHeader.MAX_SIDE
                || declared.height() > ImageHeader.MAX_SIDE) {
            throw new IllegalArgumentException("the " + which + " image declares " + declared.width() + "x"
                    + declared.height() + " pixels, more than a camera photo");
        }
        MatOfByte buffer = new MatOfByte(encoded);
        Mat decoded;
        try {
            decoded = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
        } finally {
            buffer.release();
        }
        if (decoded.empty() || decoded.cols() < 16 || decoded.rows() < 16) {
            String size = decoded.empty() ? "" : decoded.cols() + "x" + decoded.rows() + " px, ";
            decoded.release();
            throw new IllegalArgumentException("the " + which + " image (" + size + encoded.length
                    + " bytes) is not a decodable JPEG or PNG photo of at least 16x16 px");
        }
        List<Mat> scratch = new ArrayList<>();
        scratch.add(decoded);
        try {
            int height = (int) Math.max(16, Math.min(4L * WORK_WIDTH,
                    Math.round((double) decoded.rows() * WORK_WIDTH / decoded.cols())));
            Mat small = keep(scratch, new Mat());
            Imgproc.resize(decoded, small, new Size(WORK_WIDTH, height), 0, 0, Imgproc.INTER_AREA);

            int mx = (int) Math.round(small.cols() * settings.cropMargin());
            int my = (int) Math.round(small.rows() * settings.cropMargin());
            Mat mask = keep(scratch, Mat.zeros(small.size(), CvType.CV_8UC1));
            Mat centre = keep(scratch, mask.submat(new Rect(mx, my, small.cols() - 2 * mx, small.rows() - 2 * my)));
            centre.setTo(new Scalar(255));

            Mat hsv = keep(scratch, new Mat());
            Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
            Mat hist = new Mat();
            Imgproc.calcHist(List.of(hsv), keep(scratch, new MatOfInt(0, 1, 2)), mask, hist,
                    keep(scratch, new MatOfInt(settings.hueBins(), settings.satBins(), settings.valBins())),
                    keep(scratch, new MatOfFloat(0, 180, 0, 256, 0, 256)));
            Core.normalize(hist, hist, 1, 0, Core.NORM_L1);

            // Stretch the grey levels so a dark (night, under-exposed) photo still gives keypoints:
            // ORB's FAST detector uses an absolute contrast threshold.
            Mat gray = keep(scratch, new Mat());
            Imgproc.cvtColor(small, gray, Imgproc.COLOR_BGR2GRAY);
            Core.normalize(gray, gray, 0, 255, Core.NORM_MINMAX);
            MatOfKeyPoint keypoints = new MatOfKeyPoint();
            Mat descriptors = new Mat();
            ORB.create(settings.orbFeatures()).detectAndCompute(gray, mask, keypoints, descriptors);
            return new Features(hist, keypoints, descriptors);
        } finally {
            scratch.forEach(Mat::release);
        }
    }

    Parts compare(Features a, Features b) {
        double colour = clamp01(1.0 - Imgproc.compareHist(a.hist, b.hist, Imgproc.HISTCMP_BHATTACHARYYA));
        int good = 0;
        int inliers = 0;
        if (a.descriptors.rows() >= 2 && b.descriptors.rows() >= 2) {
            List<MatOfDMatch> knn = new ArrayList<>();
            DescriptorMatcher.create(DescriptorMatcher.BRUTEFORCE_HAMMING)
                    .knnMatch(a.descriptors, b.descriptors, knn, 2);
            KeyPoint[] ka = a.keypoints.toArray();
            KeyPoint[] kb = b.keypoints.toArray();
            List<Point> pa = new ArrayList<>();
            List<Point> pb = new ArrayList<>();
            for (MatOfDMatch m : knn) {
                DMatch[] best = m.toArray();
                m.release();
                if (best.length == 2 && best[0].distance < settings.ratio() * best[1].distance) {
                    pa.add(ka[best[0].queryIdx].pt);
                    pb.add(kb[best[0].trainIdx].pt);
                }
            }
            good = pa.size();
            if (good >= 4) {
                inliers = homographyInliers(pa, pb);
            }
        }
        double colourScore = clamp01((colour - settings.colourFloor()) / (1.0 - settings.colourFloor()));
        double shapeScore = clamp01((double) (inliers - settings.inlierFloor())
                / (settings.inlierFull() - settings.inlierFloor()));
        double score = settings.colourWeight() * colourScore + (1 - settings.colourWeight()) * shapeScore;
        return new Parts(colour, good, inliers, clamp01(score));
    }

    private int homographyInliers(List<Point> pa, List<Point> pb) {
        List<Mat> scratch = new ArrayList<>();
        try {
            MatOfPoint2f src = keep(scratch, new MatOfPoint2f());
            MatOfPoint2f dst = keep(scratch, new MatOfPoint2f());
            src.fromList(pa);
            dst.fromList(pb);
            Mat inlierMask = keep(scratch, new Mat());
            Mat h = keep(scratch, Calib3d.findHomography(src, dst, Calib3d.RANSAC, settings.ransacPx(), inlierMask));
            return h.empty() || inlierMask.empty() ? 0 : Core.countNonZero(inlierMask);
        } finally {
            scratch.forEach(Mat::release);
        }
    }

    private static <M extends Mat> M keep(List<Mat> scratch, M mat) {
        scratch.add(mat);
        return mat;
    }

    private static double clamp01(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Loads OpenCV's native library once (it lands in the OpenCV bundle's class loader). */
    static final class Natives {
        private static volatile boolean loaded;

        static void load() {
            if (!loaded) {
                synchronized (Natives.class) {
                    if (!loaded) {
                        nu.pattern.OpenCV.loadLocally();
                        loaded = true;
                    }
                }
            }
        }

        private Natives() {
        }
    }
}

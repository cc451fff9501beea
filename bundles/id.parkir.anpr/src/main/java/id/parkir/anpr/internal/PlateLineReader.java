package id.parkir.anpr.internal;

import id.parkir.api.anpr.Box;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a whole plate line at once, with no character segmentation: a small convolutional network
 * with a CTC head (plate-ctc.onnx, trained by src/test/python/train_plate_ctc.py on id_crops_train
 * and the plate boxes of id_scenes_train) looks at the plate scaled to {@value #W}x{@value #H} and
 * answers, for each of its 32 columns, the probabilities of "no character here" (the CTC blank) and
 * of each character. Each run of columns that agree on a character gives that character's
 * distribution, and {@link PlateSyntax} picks the most probable valid plate from them, so the
 * look-alikes (0/O, 8/B, 1/I) resolve by position as they do for the segmented reader.
 */
public final class PlateLineReader {
    public static final String MODEL_RESOURCE = "/id/parkir/anpr/internal/plate-ctc.onnx";
    static final int H = 32;
    static final int W = 128;
    private static final int CLASSES = CharClassifier.CLASSES.length() + 1;

    private final NetPool nets;

    private PlateLineReader(NetPool nets) {
        this.nets = nets;
    }

    /** The model shipped in this bundle, loaded once. */
    public static PlateLineReader shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final PlateLineReader INSTANCE = new PlateLineReader(NetPool.resource(MODEL_RESOURCE, "plate line model"));
    }

    /** Loads a model as train_plate_ctc.py writes it (tests, evaluation of a freshly trained one). */
    public static PlateLineReader read(InputStream in) throws IOException {
        return new PlateLineReader(NetPool.read(in, "plate line model"));
    }

    /**
     * @param gray the whole grey image
     * @param boxes plate boxes in its pixels (clamped to the image here)
     * @return per box, the best valid reading, or null where none could be made
     */
    public PlateSyntax.Reading[] read(Mat gray, List<Box> boxes, PlateSyntax.Mode mode) {
        PlateSyntax.Reading[] result = new PlateSyntax.Reading[boxes.size()];
        List<Mat> inputs = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Mat input = input(gray, boxes.get(i));
            if (input != null) {
                inputs.add(input);
                which.add(i);
            }
        }
        if (inputs.isEmpty()) {
            return result;
        }
        Mat blob = Dnn.blobFromImages(inputs);
        float[][] columns = nets.forward(blob, out -> {
            Mat flat = out.reshape(1, inputs.size());
            float[][] rows = new float[inputs.size()][CLASSES * (W / 4)];
            for (int i = 0; i < rows.length; i++) {
                flat.get(i, 0, rows[i]);
            }
            flat.release();
            return rows;
        });
        blob.release();
        inputs.forEach(Mat::release);
        for (int k = 0; k < columns.length; k++) {
            double[][] chars = characters(columns[k], W / 4);
            result[which.get(k)] = chars.length == 0 ? null : PlateSyntax.best(chars, mode);
        }
        return result;
    }

    /** The box cut out, scaled to the network's input, contrast stretched to 0..1 as in training; null if too small. */
    static Mat input(Mat gray, Box box) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(gray.cols(), box.x() + box.w());
        int y1 = Math.min(gray.rows(), box.y() + box.h());
        if (x1 - x0 < 8 || y1 - y0 < 4) {
            return null;
        }
        Mat region = gray.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        Mat small = new Mat();
        Imgproc.resize(region, small, new Size(W, H), 0, 0, Imgproc.INTER_AREA);
        region.release();
        // the 2nd and 98th percentiles become 0 and 1: a faded or dark plate looks like a clean one
        Mat hist = new Mat();
        Imgproc.calcHist(List.of(small), new MatOfInt(0), new Mat(), hist, new MatOfInt(256), new MatOfFloat(0, 256));
        float[] h = new float[256];
        hist.get(0, 0, h);
        hist.release();
        double lo = percentile(h, 0.02);
        double hi = percentile(h, 0.98);
        Mat input = new Mat();
        small.convertTo(input, CvType.CV_32F, 1 / Math.max(8.0, hi - lo), -lo / Math.max(8.0, hi - lo));
        small.release();
        Core.min(input, new org.opencv.core.Scalar(1), input);
        Core.max(input, new org.opencv.core.Scalar(0), input);
        return input;
    }

    private static double percentile(float[] hist, double q) {
        double total = 0;
        for (float v : hist) {
            total += v;
        }
        double seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= q * total) {
                return i;
            }
        }
        return 255;
    }

    /**
     * The characters in the network's columns: each run of columns whose most probable class is
     * the same character is one character, with the distribution of the run's surest column
     * (without the blank, rescaled to sum to 1, and floored so one unsure column cannot veto a plate).
     *
     * @param columns the network's output for one image, class-major: columns[c * t + i]
     */
    static double[][] characters(float[] columns, int t) {
        List<double[]> chars = new ArrayList<>();
        int previous = 0;
        int surest = -1;
        for (int i = 0; i <= t; i++) {
            int best = 0;
            if (i < t) {
                for (int c = 1; c < CLASSES; c++) {
                    if (columns[c * t + i] > columns[best * t + i]) {
                        best = c;
                    }
                }
            }
            if (best != previous || i == t) {
                if (previous != 0) {
                    chars.add(distribution(columns, t, surest));
                }
                surest = i;
            } else if (best != 0 && columns[best * t + i] > columns[best * t + surest]) {
                surest = i;
            }
            previous = best;
        }
        return chars.toArray(double[][]::new);
    }

    private static double[] distribution(float[] columns, int t, int column) {
        double notBlank = Math.max(1e-6, 1 - columns[column]);
        double[] p = new double[CLASSES - 1];
        for (int c = 1; c < CLASSES; c++) {
            p[c - 1] = 0.002 + 0.99 * Math.min(1, columns[c * t + column] / notBlank);
        }
        return p;
    }
}

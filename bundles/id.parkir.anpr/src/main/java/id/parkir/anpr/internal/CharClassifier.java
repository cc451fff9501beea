package id.parkir.anpr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.dnn.Dnn;

/**
 * Tells what character each crop shows, with a small convolutional network run by OpenCV's dnn
 * module: the crop is normalised by {@link CharFeatures#normalise} (bright character, 24x48, aspect
 * kept) and the network answers a probability for each of {@link #CLASSES} and one for "not a
 * character" (a bolt, a frame piece, two characters stuck together), so the probabilities of a crop
 * that is no character sum to little and the plate syntax prefers to drop it.
 *
 * <p>The network is trained by src/test/python/train_char_cnn.py on the examples
 * {@code CharTrainingSet} (src/test) exports, and ships in this bundle as a resource.
 */
public final class CharClassifier {
    public static final String CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String MODEL_RESOURCE = "/id/parkir/anpr/internal/char-cnn.onnx";

    private final NetPool nets;

    private CharClassifier(NetPool nets) {
        this.nets = nets;
    }

    /** The model shipped in this bundle, loaded once for every component that reads characters. */
    public static CharClassifier shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final CharClassifier INSTANCE = load();
    }

    /** Loads the shipped model anew (tests, benchmarks). */
    public static CharClassifier load() {
        return new CharClassifier(NetPool.resource(MODEL_RESOURCE, "character model"));
    }

    /** Loads an ONNX model as train_char_cnn.py writes it; fails now, not at the first plate, if it does not load. */
    public static CharClassifier read(InputStream in) throws IOException {
        return new CharClassifier(NetPool.read(in, "character model"));
    }

    /**
     * @param brightCrops grey crops of single characters, bright on dark, tight around each
     * @return per crop, the probability of each class of {@link #CLASSES}; they sum to less than 1
     *         as far as the crop may not be a character at all
     */
    public double[][] probabilities(List<Mat> brightCrops) {
        double[][] result = new double[brightCrops.size()][];
        if (brightCrops.isEmpty()) {
            return result;
        }
        List<Mat> images = new ArrayList<>(brightCrops.size());
        for (Mat crop : brightCrops) {
            images.add(CharFeatures.normalise(crop, true));
        }
        Mat blob = Dnn.blobFromImages(images, 1 / 255.0);
        nets.forward(blob, out -> {
            float[] p = new float[out.cols()];
            for (int i = 0; i < result.length; i++) {
                out.get(i, 0, p);
                double[] r = new double[CLASSES.length()];
                for (int c = 0; c < r.length; c++) {
                    // a floor, so that one unsure crop cannot veto a reading outright
                    r[c] = 0.002 + 0.99 * p[c];
                }
                result[i] = r;
            }
            return result;
        });
        blob.release();
        images.forEach(Mat::release);
        return result;
    }
}

package id.parkir.anpr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

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

    private final byte[] model;
    /**
     * A dnn Net must not be used by two threads at once: a thread borrows an idle one, or loads one
     * when all are busy, so there are never more than the most plates ever read at the same time.
     */
    private final Queue<Net> idle = new ConcurrentLinkedQueue<>();

    private CharClassifier(byte[] model) {
        this.model = model;
    }

    private Net borrow() {
        Net net = idle.poll();
        return net != null ? net : Dnn.readNetFromONNX(new MatOfByte(model));
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
        try (InputStream in = CharClassifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("character model " + MODEL_RESOURCE + " missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the character model", e);
        }
    }

    /** Loads an ONNX model as train_char_cnn.py writes it; fails now, not at the first plate, if it does not load. */
    public static CharClassifier read(InputStream in) throws IOException {
        OpenCv.load();
        CharClassifier classifier = new CharClassifier(in.readAllBytes());
        try {
            classifier.idle.add(classifier.borrow());
        } catch (RuntimeException e) {
            throw new IOException("not a character model OpenCV can run: " + e.getMessage(), e);
        }
        return classifier;
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
        Net net = borrow();
        Mat out = null;
        try {
            net.setInput(blob);
            out = net.forward();
            // read the output before the net goes back: it may share the net's buffer with the next caller
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
        } finally {
            if (out != null) {
                out.release();
            }
            idle.add(net);
        }
        blob.release();
        images.forEach(Mat::release);
        return result;
    }
}

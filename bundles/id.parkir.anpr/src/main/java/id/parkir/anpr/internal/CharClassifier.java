package id.parkir.anpr.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.KNearest;
import org.opencv.ml.Ml;

/**
 * Classifies character crops into 0-9 / A-Z with a probability per class: {@link CharFeatures}
 * projected onto their principal components, then the nearest labelled examples vote. The model
 * (PCA basis and the projected examples) is trained from ../shared/data/plates/id_chars by
 * {@code CharModelTrainer} (src/test) and ships in this bundle as a resource.
 *
 * <p>A candidate far from every example (a bolt, a frame corner) gets low probabilities for every
 * class, so the plate syntax prefers to drop it.
 */
public final class CharClassifier {
    public static final String CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String MODEL_RESOURCE = "/id/parkir/anpr/internal/char-knn.bin.gz";
    static final int K = 5;
    private static final int MAGIC = 0x504b4e4e; // "PKNN"

    private final Mat mean;
    private final Mat basis;
    private final Mat examples;
    private final Mat labels;
    /** Typical distance of a real character to its nearest example; beyond it confidence fades. */
    private final float typicalDistance;
    private final KNearest knn;

    CharClassifier(Mat mean, Mat basis, Mat examples, Mat labels, float typicalDistance) {
        this.mean = mean;
        this.basis = basis;
        this.examples = examples;
        this.labels = labels;
        this.typicalDistance = typicalDistance;
        this.knn = KNearest.create();
        knn.setDefaultK(K);
        knn.train(examples, Ml.ROW_SAMPLE, labels);
    }

    /** Trains from feature rows (see {@link CharFeatures}) and class indexes into {@link #CLASSES}. */
    static CharClassifier train(Mat features, int[] classes, int dims, float typicalDistance) {
        Mat mean = new Mat();
        Mat basis = new Mat();
        Core.PCACompute(features, mean, basis, dims);
        Mat projected = new Mat();
        Core.PCAProject(features, mean, basis, projected);
        Mat labels = new Mat(classes.length, 1, CvType.CV_32F);
        for (int i = 0; i < classes.length; i++) {
            labels.put(i, 0, classes[i]);
        }
        return new CharClassifier(mean, basis, projected, labels, typicalDistance);
    }

    CharClassifier withTypicalDistance(float d) {
        return new CharClassifier(mean, basis, examples, labels, d);
    }

    /** The model shipped in this bundle, loaded once for every component that reads characters. */
    public static CharClassifier shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final CharClassifier INSTANCE = load();
    }

    public static CharClassifier load() {
        OpenCv.load();
        try (InputStream in = CharClassifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("character model " + MODEL_RESOURCE + " missing from the bundle");
            }
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the character model", e);
        }
    }

    static CharClassifier read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != MAGIC || in.readInt() != 1) {
            throw new IOException("not a Parkir character model (version 1)");
        }
        int featureLength = in.readInt();
        int dims = in.readInt();
        int n = in.readInt();
        float typical = in.readFloat();
        if (featureLength != CharFeatures.length()) {
            throw new IOException("model made for " + featureLength + " features, code computes " + CharFeatures.length());
        }
        Mat mean = floats(in, 1, featureLength);
        Mat basis = floats(in, dims, featureLength);
        Mat examples = floats(in, n, dims);
        Mat labels = new Mat(n, 1, CvType.CV_32F);
        byte[] l = in.readNBytes(n);
        for (int i = 0; i < n; i++) {
            labels.put(i, 0, l[i]);
        }
        return new CharClassifier(mean, basis, examples, labels, typical);
    }

    void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(1);
        out.writeInt(mean.cols());
        out.writeInt(basis.rows());
        out.writeInt(examples.rows());
        out.writeFloat(typicalDistance);
        writeFloats(out, mean);
        writeFloats(out, basis);
        writeFloats(out, examples);
        byte[] l = new byte[labels.rows()];
        for (int i = 0; i < l.length; i++) {
            l[i] = (byte) labels.get(i, 0)[0];
        }
        out.write(l);
        out.flush();
        gz.finish();
    }

    private static Mat floats(DataInputStream in, int rows, int cols) throws IOException {
        byte[] bytes = in.readNBytes(rows * cols * 4);
        float[] f = new float[rows * cols];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(f);
        Mat m = new Mat(rows, cols, CvType.CV_32F);
        m.put(0, 0, f);
        return m;
    }

    private static void writeFloats(DataOutputStream out, Mat m) throws IOException {
        float[] f = new float[m.rows() * m.cols()];
        m.get(0, 0, f);
        ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.BIG_ENDIAN);
        b.asFloatBuffer().put(f);
        out.write(b.array());
    }

    /** Distance of each row to its nearest example (for calibrating {@code typicalDistance}). */
    float[] nearestDistances(Mat features) {
        Mat projected = new Mat();
        Core.PCAProject(features, mean, basis, projected);
        Mat results = new Mat();
        Mat neighbours = new Mat();
        Mat dists = new Mat();
        knn.findNearest(projected, 1, results, neighbours, dists);
        float[] d = new float[features.rows()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.sqrt(dists.get(i, 0)[0]);
        }
        return d;
    }

    /** For each feature row, the probability of each class of {@link #CLASSES}. */
    public double[][] probabilities(List<Mat> rows) {
        double[][] result = new double[rows.size()][];
        if (rows.isEmpty()) {
            return result;
        }
        Mat all = new Mat();
        Core.vconcat(rows, all);
        Mat projected = new Mat();
        Core.PCAProject(all, mean, basis, projected);
        Mat results = new Mat();
        Mat neighbours = new Mat();
        Mat dists = new Mat();
        knn.findNearest(projected, K, results, neighbours, dists);
        for (int i = 0; i < rows.size(); i++) {
            double nearest = Math.sqrt(dists.get(i, 0)[0]);
            // 1 within the typical distance, fading beyond it: "is this a character at all"
            double isChar = Math.exp(-Math.max(0, nearest - typicalDistance) / typicalDistance);
            double[] p = new double[CLASSES.length()];
            double weights = 0;
            double[] w = new double[K];
            for (int k = 0; k < K; k++) {
                w[k] = 1.0 / (1.0 + Math.sqrt(dists.get(i, k)[0]) / typicalDistance);
                weights += w[k];
            }
            for (int k = 0; k < K; k++) {
                p[(int) neighbours.get(i, k)[0]] += w[k] / weights;
            }
            for (int c = 0; c < p.length; c++) {
                p[c] = 0.002 + 0.99 * isChar * p[c];
            }
            result[i] = p;
        }
        return result;
    }
}

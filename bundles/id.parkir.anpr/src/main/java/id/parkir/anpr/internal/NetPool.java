package id.parkir.anpr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * An ONNX network run by OpenCV's dnn module, shared by threads. A dnn Net must not be used by two
 * threads at once: a thread borrows an idle one, or loads one when all are busy, so there are never
 * more than the most images ever read at the same time.
 */
final class NetPool {
    private final byte[] model;
    private final Queue<Net> idle = new ConcurrentLinkedQueue<>();

    private NetPool(byte[] model) {
        this.model = model;
    }

    /** Loads a model; fails now, not at the first plate, if OpenCV cannot run it. */
    static NetPool read(InputStream in, String what) throws IOException {
        OpenCv.load();
        NetPool pool = new NetPool(in.readAllBytes());
        try {
            pool.idle.add(pool.borrow());
        } catch (RuntimeException e) {
            throw new IOException("not a " + what + " OpenCV can run: " + e.getMessage(), e);
        }
        return pool;
    }

    /** Loads a model shipped in this bundle. */
    static NetPool resource(String resource, String what) {
        try (InputStream in = NetPool.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " " + resource + " missing from the bundle");
            }
            return read(in, what);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the " + what, e);
        }
    }

    private Net borrow() {
        Net net = idle.poll();
        return net != null ? net : Dnn.readNetFromONNX(new MatOfByte(model));
    }

    /**
     * Runs the network on a blob and hands its output to {@code read}, which must copy what it
     * needs: the output may share the net's buffer with the next caller. Releases the output.
     */
    <T> T forward(Mat blob, Function<Mat, T> read) {
        Net net = borrow();
        Mat out = null;
        try {
            net.setInput(blob);
            out = net.forward();
            return read.apply(out);
        } finally {
            if (out != null) {
                out.release();
            }
            idle.add(net);
        }
    }
}

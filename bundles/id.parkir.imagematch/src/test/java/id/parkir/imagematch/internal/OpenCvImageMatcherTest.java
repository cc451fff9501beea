package id.parkir.imagematch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class OpenCvImageMatcherTest {

    private final OpenCvImageMatcher matcher = new OpenCvImageMatcher();

    /** A textured synthetic "scene": shapes and text in random colours, the same for the same seed. */
    static Mat scene(long seed) {
        Random r = new Random(seed);
        Mat img = new Mat(480, 640, CvType.CV_8UC3, new Scalar(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        for (int i = 0; i < 40; i++) {
            Scalar c = new Scalar(r.nextInt(256), r.nextInt(256), r.nextInt(256));
            Point p = new Point(r.nextInt(640), r.nextInt(480));
            switch (i % 3) {
                case 0 -> Imgproc.rectangle(img, p, new Point(p.x + 20 + r.nextInt(100), p.y + 20 + r.nextInt(80)), c, -1);
                case 1 -> Imgproc.circle(img, p, 10 + r.nextInt(40), c, -1);
                default -> Imgproc.putText(img, "B" + (1000 + r.nextInt(9000)) + "XY", p,
                        Imgproc.FONT_HERSHEY_SIMPLEX, 1 + r.nextDouble(), c, 2);
            }
        }
        return img;
    }

    static byte[] encode(Mat img, String ext) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(ext, img, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 85));
        return out.toArray();
    }

    @Test
    void identicalPhotoScoresNearOne() {
        byte[] jpeg = encode(scene(1), ".jpg");
        assertTrue(matcher.score(jpeg, jpeg) >= 0.95, "identical: " + matcher.score(jpeg, jpeg));
        // the same picture as PNG (other codec, same pixels up to JPEG loss)
        byte[] png = encode(scene(1), ".png");
        assertTrue(matcher.score(jpeg, png) >= 0.9, "jpeg vs png: " + matcher.score(jpeg, png));
    }

    @Test
    void shiftedZoomedAndDarkerPhotoOfTheSameSceneStillScoresHigh() {
        Mat img = scene(2);
        Mat moved = new Mat();
        Mat m = Imgproc.getRotationMatrix2D(new Point(330, 250), 4, 1.1);
        Imgproc.warpAffine(img, moved, m, img.size(), Imgproc.INTER_LINEAR, Core.BORDER_REFLECT);
        moved.convertTo(moved, -1, 0.7, -10);
        double s = matcher.score(encode(img, ".jpg"), encode(moved, ".jpg"));
        assertTrue(s >= 0.7, "moved: " + s);
    }

    @Test
    void differentScenesScoreLow() {
        double s = matcher.score(encode(scene(3), ".jpg"), encode(scene(4), ".jpg"));
        assertTrue(s <= 0.3, "different: " + s);
    }

    @Test
    void featurelessPhotosScoreInRangeAndLow() {
        byte[] grey = encode(new Mat(300, 400, CvType.CV_8UC3, new Scalar(128, 128, 128)), ".png");
        byte[] black = encode(new Mat(new Size(400, 300), CvType.CV_8UC3, new Scalar(0, 0, 0)), ".jpg");
        double s = matcher.score(grey, black);
        assertTrue(s >= 0 && s <= 1, "featureless: " + s);
        // no keypoints at all: nothing says "same vehicle" beyond colour
        assertTrue(matcher.score(grey, grey) <= 0.25, "featureless identical: " + matcher.score(grey, grey));
    }

    @Test
    void concurrentCallsGiveTheSameScores() throws Exception {
        byte[][] photos = new byte[4][];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = encode(scene(10 + i / 2), ".jpg"); // 0,1 and 2,3 are the same scene
        }
        double[] expected = new double[photos.length];
        for (int i = 0; i < photos.length; i++) {
            expected[i] = matcher.score(photos[i], photos[(i + 1) % photos.length]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    double[] got = new double[photos.length];
                    for (int i = 0; i < photos.length; i++) {
                        got[i] = matcher.score(photos[i], photos[(i + 1) % photos.length]);
                    }
                    return got;
                }));
            }
            for (Future<double[]> run : runs) {
                assertArrayEquals(expected, run.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void brokenImageIsRefusedWithAClearMessage() {
        byte[] good = encode(scene(5), ".jpg");
        byte[] garbage = new byte[2048];
        new Random(9).nextBytes(garbage);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matcher.score(good, garbage));
        assertTrue(e.getMessage().contains("exit image") && e.getMessage().contains("not a decodable"), e.getMessage());

        byte[] headerOnly = Arrays.copyOf(good, 20);
        e = assertThrows(IllegalArgumentException.class, () -> matcher.score(headerOnly, good));
        assertTrue(e.getMessage().contains("entry image"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> matcher.score(new byte[0], good));
        assertEquals("the entry image is empty", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> matcher.score(good, null));
        byte[] tiny = encode(new Mat(4, 4, CvType.CV_8UC3, new Scalar(1, 2, 3)), ".png");
        assertThrows(IllegalArgumentException.class, () -> matcher.score(good, tiny));
        byte[] bomb = encode(new Mat(16, 16, CvType.CV_8UC3, new Scalar(1, 2, 3)), ".png");
        bomb[17] = 0x75; // the header now says 7.7 million pixels wide: refused before the decoder allocates
        bomb[21] = 0x75;
        e = assertThrows(IllegalArgumentException.class, () -> matcher.score(good, bomb));
        assertTrue(e.getMessage().contains("more than a camera photo"), e.getMessage());
    }
}

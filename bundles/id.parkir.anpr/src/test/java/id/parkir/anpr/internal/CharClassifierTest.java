package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** The shipped character network on real character crops, and on things that are no character. */
class CharClassifierTest {
    private static final Path CHARS = Paths.get(System.getProperty("parkir.shared", "../../../shared"), "data/plates/id_chars");

    @Test
    void readsTheHeldOutCharacterCrops() throws Exception {
        CharClassifier classifier = CharClassifier.load();
        List<Mat> crops = new ArrayList<>();
        List<Character> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(CHARS.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            // the same 15% CharTrainingSet holds out of training
            if (Math.floorMod(f[0].hashCode(), 100) < 15) {
                Mat img = Imgcodecs.imread(CHARS.resolve("images").resolve(f[0]).toString(), Imgcodecs.IMREAD_GRAYSCALE);
                Mat bright = new Mat();
                Core.bitwise_not(CharTrainingSet.darkOnLight(img), bright);
                crops.add(bright);
                expected.add(f[1].charAt(0));
            }
        }
        double[][] p = classifier.probabilities(crops);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                best = p[i][c] > p[i][best] ? c : best;
            }
            right += CharClassifier.CLASSES.charAt(best) == expected.get(i) ? 1 : 0;
        }
        double accuracy = (double) right / p.length;
        System.out.printf("held-out id_chars: %d crops, accuracy %.4f%n", p.length, accuracy);
        assertTrue(p.length > 400);
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void somethingThatIsNoCharacterGetsLittleProbability() {
        CharClassifier classifier = CharClassifier.load();
        Mat noise = new Mat(40, 22, CvType.CV_8UC1);
        Core.randu(noise, 0, 255);
        // the dash between month and year on old plates
        Mat dash = Mat.zeros(12, 30, CvType.CV_8UC1);
        org.opencv.imgproc.Imgproc.rectangle(dash, new org.opencv.core.Point(3, 4), new org.opencv.core.Point(26, 7), new Scalar(255), -1);
        for (double[] p : classifier.probabilities(List.of(noise, dash))) {
            double sum = Arrays.stream(p).sum();
            assertTrue(sum < 0.5, "probability of being any character: " + sum);
        }
        assertEquals(0, classifier.probabilities(List.of()).length);
    }

    @Test
    void aFileThatIsNoModelIsRefusedAtLoading() {
        IOException e = assertThrows(IOException.class,
                () -> CharClassifier.read(new ByteArrayInputStream("not an onnx model".getBytes())));
        assertTrue(e.getMessage().contains("not a character model"), e.getMessage());
    }
}

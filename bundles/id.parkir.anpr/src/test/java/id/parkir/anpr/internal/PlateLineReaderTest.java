package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.anpr.Box;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** The plate line reader: decoding the network's columns, cutting its input, and the shipped model on real plates. */
class PlateLineReaderTest {
    private static final Path PLATES = Paths.get(System.getProperty("parkir.shared", "../../../shared"), "data/plates");
    private static final int T = PlateLineReader.W / 4;
    private static final int C = CharClassifier.CLASSES.length() + 1;

    /** Network output for one image where column i is sure of class cls[i] (0 = blank), class-major. */
    private static float[] columns(int... cls) {
        float[] out = new float[C * T];
        for (int i = 0; i < T; i++) {
            int c = i < cls.length ? cls[i] : 0;
            for (int k = 0; k < C; k++) {
                out[k * T + i] = k == c ? 0.9f : 0.1f / (C - 1);
            }
        }
        return out;
    }

    private static int cls(char ch) {
        return CharClassifier.CLASSES.indexOf(ch) + 1;
    }

    @Test
    void runsOfTheSameCharacterAreOneAndABlankBetweenMakesTwo() {
        // B B _ 1 _ 1 1 _ A : "B11A" (the doubled 1 is two characters only because a blank parts them)
        double[][] chars = PlateLineReader.characters(columns(cls('B'), cls('B'), 0, cls('1'), 0, cls('1'), cls('1'), 0, cls('A')), T);
        assertEquals(4, chars.length);
        StringBuilder text = new StringBuilder();
        for (double[] p : chars) {
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            text.append(CharClassifier.CLASSES.charAt(best));
            // the blank is left out: what remains is rescaled to about 1
            double sum = java.util.Arrays.stream(p).sum();
            assertTrue(sum > 0.95 && sum < 1.1, "distribution sums to " + sum);
        }
        assertEquals("B11A", text.toString());
        assertEquals(0, PlateLineReader.characters(columns(), T).length, "all blank: no characters");
    }

    @Test
    void theSyntaxResolvesLookAlikesInTheColumnsByPosition() {
        // "B 1O2 S": the network sees an O (0.6) that could be a 0 (0.3); among the digits it is read 0
        float[] out = columns(cls('B'), 0, cls('1'), 0, cls('O'), 0, cls('2'), 0, cls('S'));
        out[cls('O') * T + 4] = 0.6f;
        out[cls('0') * T + 4] = 0.3f;
        double[][] chars = PlateLineReader.characters(out, T);
        PlateSyntax.Reading r = PlateSyntax.best(chars, PlateSyntax.Mode.INDONESIA);
        assertNotNull(r);
        assertEquals("B102S", r.text());
    }

    @Test
    void boxesOutsideTheImageOrTooSmallAreNotRead() {
        OpenCv.load();
        Mat gray = new Mat(100, 300, CvType.CV_8UC1, new Scalar(90));
        assertNull(PlateLineReader.input(gray, new Box(400, 10, 50, 20)), "outside");
        assertNull(PlateLineReader.input(gray, new Box(10, 10, 5, 20)), "narrower than 8 px");
        Mat clamped = PlateLineReader.input(gray, new Box(-50, -20, 500, 400));
        assertNotNull(clamped, "a box reaching past the edges is cut to the image");
        assertEquals(PlateLineReader.W, clamped.cols());
        assertEquals(PlateLineReader.H, clamped.rows());
        assertEquals(CvType.CV_32F, clamped.type());
        gray.release();
    }

    @Test
    void theShippedModelReadsTrainingCropsWholeAndPlainImagesAsNothingValid() throws Exception {
        PlateLineReader reader = PlateLineReader.shipped();
        List<String> lines = Files.readAllLines(PLATES.resolve("id_crops_train/labels.csv"));
        int right = 0;
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (n == 12) {
                break;
            }
            String[] f = line.split(",");
            Mat gray = Imgcodecs.imread(PLATES.resolve("id_crops_train/images").resolve(f[0]).toString(), Imgcodecs.IMREAD_GRAYSCALE);
            PlateSyntax.Reading r = reader.read(gray, List.of(new Box(0, 0, gray.cols(), gray.rows())), PlateSyntax.Mode.INDONESIA)[0];
            right += r != null && r.text().equals(f[1]) ? 1 : 0;
            n++;
            gray.release();
        }
        // crops it was trained on: a broken model or a different input scaling reads far fewer
        assertTrue(right >= 10, right + " of " + n + " training crops read");
        Mat flat = new Mat(60, 240, CvType.CV_8UC1, new Scalar(200));
        PlateSyntax.Reading nothing = reader.read(flat, List.of(new Box(0, 0, 240, 60)), PlateSyntax.Mode.INDONESIA)[0];
        assertTrue(nothing == null || PlatePipeline.least(nothing) < 0.5, "a blank image is no sure plate");
        flat.release();
    }
}

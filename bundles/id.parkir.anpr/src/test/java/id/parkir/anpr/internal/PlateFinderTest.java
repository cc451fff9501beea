package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.anpr.PlateEvaluation;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.Recognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** The finder with the shipped model on real photographs from ../shared/data/plates. */
class PlateFinderTest {
    private static final Path PLATES = Paths.get(System.getProperty("parkir.shared", "../../../shared"), "data/plates");

    private static Recognition recognise(PlateFinder finder, byte[] image) {
        List<PlateReading> plates = finder.find(OpenCv.decodeGray(image)).stream()
                .map(f -> new PlateReading(f.reading().text(), f.reading().confidence(), f.box())).toList();
        return new Recognition(plates, "test", 0);
    }

    @Test
    void readsMostOfASampleOfPlateCrops() throws Exception {
        PlateFinder finder = new PlateFinder(CharClassifier.load(), PlateSyntax.Mode.INDONESIA);
        Path sample = Files.createTempDirectory("crops");
        Files.createDirectories(sample.resolve("images"));
        List<String> lines = Files.readAllLines(PLATES.resolve("id_crops_dev/labels.csv"));
        StringBuilder labels = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, 21)) {
            String file = line.split(",")[0];
            Files.copy(PLATES.resolve("id_crops_dev/images").resolve(file), sample.resolve("images").resolve(file));
            labels.append(line).append('\n');
        }
        Files.writeString(sample.resolve("labels.csv"), labels);
        PlateEvaluation.Report report = PlateEvaluation.run(sample, bytes -> recognise(finder, bytes));
        System.out.println("sample of id_crops_dev: " + report.summary());
        // measured on all of id_crops_dev: see the README; this guards against a broken model or pipeline
        assertTrue(report.charAccuracy() > 0.75, report.summary());
        assertTrue(report.exactAccuracy() >= 0.5, report.summary());
    }

    @Test
    void anImageWithoutAPlateGivesNothingAndABrokenOneIsRefused() {
        PlateFinder finder = new PlateFinder(CharClassifier.load(), PlateSyntax.Mode.INDONESIA);
        Mat grey = new Mat(480, 640, CvType.CV_8UC1, new Scalar(128));
        assertEquals(0, finder.find(grey).size());
        ParkirException e = assertThrows(ParkirException.class, () -> OpenCv.decodeGray("not an image at all".getBytes()));
        assertEquals("image_invalid", e.code());
    }

    @Test
    void aThinBarAtTheEdgeOrApartFromTheRowIsProbablyTheFrame() {
        // N 1524 SY and the right frame edge at the border of the crop (rects from test047_1)
        List<PlateFinder.Component> chain = new java.util.ArrayList<>();
        for (int[] r : new int[][] {{13, 11, 21, 40}, {87, 12, 11, 39}, {106, 12, 20, 39}, {130, 12, 21, 39},
                {155, 11, 19, 40}, {218, 12, 20, 39}, {241, 11, 18, 41}, {273, 1, 2, 44}}) {
            chain.add(new PlateFinder.Component(new org.opencv.core.Rect(r[0], r[1], r[2], r[3]), r[2] * r[3] / 2));
        }
        double[] prior = PlateFinder.notCharPriors(chain, 275);
        assertEquals(PlateSyntax.BAR_NOT_CHAR, prior[7]);
        assertEquals(PlateSyntax.NOT_CHAR, prior[0], "a wide character at the start is a character");
        assertEquals(PlateSyntax.NOT_CHAR, prior[1], "the 1 inside the row is a character");
        // the same bar well inside a wider crop, as close as the other characters: a character ("1" or "I")
        chain.set(7, new PlateFinder.Component(new org.opencv.core.Rect(263, 11, 4, 40), 80));
        double[] inside = PlateFinder.notCharPriors(chain, 400);
        assertEquals(PlateSyntax.NOT_CHAR, inside[7]);
    }

    @Test
    void frameLinesAreErasedAndTheCharactersTouchingThemKept() {
        OpenCv.load();
        Mat bin = Mat.zeros(100, 200, CvType.CV_8UC1);
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(5, 5), new org.opencv.core.Point(194, 94), new Scalar(255), 2);
        // a character 40 px tall standing on the bottom frame line, and a short dash
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(50, 54), new org.opencv.core.Point(62, 93), new Scalar(255), 3);
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(100, 40), new org.opencv.core.Point(120, 42), new Scalar(255), -1);
        PlateFinder.removeFrameLines(bin);
        assertEquals(0, bin.get(5, 150)[0], "top frame line erased");
        assertEquals(0, bin.get(50, 5)[0], "left frame line erased");
        assertEquals(255, bin.get(70, 51)[0], "the character stays");
        assertEquals(255, bin.get(41, 110)[0], "a short stroke stays");
        List<PlateFinder.Component> comps = PlateFinder.components(bin, 20, false);
        assertEquals(1, comps.size(), "the character is a component of its own");
        assertTrue(comps.get(0).r().width >= 13 && comps.get(0).r().width <= 17, "the outline is drawn 3 px wide: " + comps.get(0));
    }

    @Test
    void charactersTouchingEachOtherAreCutApartAtTheNarrowestColumn() {
        OpenCv.load();
        Mat bin = Mat.zeros(80, 200, CvType.CV_8UC1);
        // two "characters" 24x40, joined by a 2 px bridge between x=44 and x=52; a third one alone
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(20, 20), new org.opencv.core.Point(43, 59), new Scalar(255), 4);
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(53, 20), new org.opencv.core.Point(76, 59), new Scalar(255), 4);
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(44, 38), new org.opencv.core.Point(52, 39), new Scalar(255), -1);
        org.opencv.imgproc.Imgproc.rectangle(bin, new org.opencv.core.Point(100, 20), new org.opencv.core.Point(123, 59), new Scalar(255), 4);
        assertEquals(1, PlateFinder.components(bin, 20, false).size(), "without cutting, the pair is dropped as too wide");
        List<PlateFinder.Component> comps = PlateFinder.components(bin, 20, true);
        assertEquals(3, comps.size(), comps.toString());
        assertTrue(comps.get(0).r().x == 18 && comps.get(0).r().width >= 26 && comps.get(0).r().width <= 33, comps.get(0).toString());
        int cut = comps.get(1).r().x;
        assertTrue(cut >= 44 && cut <= 53, "cut in the bridge: " + cut);
        assertEquals(44, comps.get(1).r().height);
    }
}

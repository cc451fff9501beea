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
        assertTrue(report.charAccuracy() > 0.6, report.summary());
        assertTrue(report.exactAccuracy() >= 0.25, report.summary());
    }

    @Test
    void anImageWithoutAPlateGivesNothingAndABrokenOneIsRefused() {
        PlateFinder finder = new PlateFinder(CharClassifier.load(), PlateSyntax.Mode.INDONESIA);
        Mat grey = new Mat(480, 640, CvType.CV_8UC1, new Scalar(128));
        assertEquals(0, finder.find(grey).size());
        ParkirException e = assertThrows(ParkirException.class, () -> OpenCv.decodeGray("not an image at all".getBytes()));
        assertEquals("image_invalid", e.code());
    }
}

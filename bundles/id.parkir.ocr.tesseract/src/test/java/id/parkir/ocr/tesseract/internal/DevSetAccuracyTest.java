package id.parkir.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.parkir.api.anpr.GrayImage;
import id.parkir.api.anpr.PlateText;

/**
 * Reads the Indonesian plate crops of the shared development set (not part of the repository:
 * {@code -Dparkir.shared=...}, default {@code ../../../shared} from this module) and prints the
 * exact-match accuracy and the median time per plate. Skipped when the set is not there.
 */
class DevSetAccuracyTest {
    private static TesseractPlateReader reader;

    @BeforeAll
    static void start() throws Exception {
        reader = new TesseractPlateReader();
        reader.start(TesseractPlateReader.Settings.defaults(), NativeSetup.defaultBase());
    }

    @AfterAll
    static void stop() {
        reader.deactivate();
    }

    static Path devSet() {
        return Path.of(System.getProperty("parkir.shared", "../../../shared"), "data", "plates", "id_crops_dev");
    }

    @Test
    void readsTheIndonesianDevCrops() throws Exception {
        Path dir = devSet();
        assumeTrue(Files.isRegularFile(dir.resolve("labels.csv")), "no dev set at " + dir.toAbsolutePath());
        Path dump = System.getProperty("parkir.ocr.dump") == null ? null : Path.of(System.getProperty("parkir.ocr.dump"));
        PlatePreprocessor pre = new PlatePreprocessor(TesseractPlateReader.Settings.defaults().charHeight());

        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        int total = 0;
        int exact = 0;
        int nonEmpty = 0;
        List<Long> nanos = new ArrayList<>();
        StringBuilder misses = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length < 2) {
                continue;
            }
            GrayImage img = Images.load(dir.resolve("images").resolve(f[0]));
            long t0 = System.nanoTime();
            Optional<PlateText> read = reader.read(img);
            nanos.add(System.nanoTime() - t0);
            total++;
            String text = read.map(PlateText::text).orElse("");
            if (!text.isEmpty()) {
                nonEmpty++;
            }
            if (text.equals(f[1].trim())) {
                exact++;
            } else {
                misses.append(String.format("  %-16s %-10s read %-12s conf %.2f%n", f[0], f[1], text,
                        read.map(PlateText::confidence).orElse(0.0)));
            }
            if (dump != null) {
                Files.createDirectories(dump);
                Optional<GrayImage> p = pre.prepare(img);
                if (p.isPresent()) {
                    Images.save(p.get(), dump.resolve(f[0] + ".png"));
                }
            }
        }
        nanos.sort(null);
        double medianMs = nanos.get(nanos.size() / 2) / 1e6;
        System.out.printf("id_crops_dev: %d plates, exact %d (%.1f%%), non-empty %d, median %.1f ms%n",
                total, exact, 100.0 * exact / total, nonEmpty, medianMs);
        System.out.print(misses);
        assertTrue(exact >= total * 0.20, "exact matches " + exact + "/" + total);
        assertTrue(nonEmpty >= total * 0.80, "non-empty readings " + nonEmpty + "/" + total);
    }
}

package id.parkir.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import id.parkir.api.anpr.GrayImage;
import id.parkir.api.anpr.PlateText;

/** Many threads through a pool of two engines read exactly what one thread reads. */
class ConcurrencyTest {
    @Test
    void concurrentReadsMatchSequentialOnes() throws Exception {
        Path images = DevSetAccuracyTest.devSet().resolve("images");
        assumeTrue(Files.isDirectory(images), "no dev set at " + images.toAbsolutePath());
        List<GrayImage> plates = new ArrayList<>();
        try (Stream<Path> files = Files.list(images)) {
            for (Path p : files.sorted().limit(12).collect(Collectors.toList())) {
                plates.add(Images.load(p));
            }
        }
        TesseractPlateReader reader = new TesseractPlateReader();
        TesseractPlateReader.Settings d = TesseractPlateReader.Settings.defaults();
        reader.start(new TesseractPlateReader.Settings(d.pageSegMode(), d.whitelist(), d.charHeight(), 2, d.plateSyntax(),
                d.language(), d.tessdataDir()), NativeSetup.defaultBase());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Optional<PlateText>> expected = new ArrayList<>();
            for (GrayImage g : plates) {
                expected.add(reader.read(g));
            }
            List<Future<Optional<PlateText>>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (GrayImage g : plates) {
                    futures.add(pool.submit(() -> reader.read(g)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % plates.size()), futures.get(i).get(), "plate " + i % plates.size());
            }
        } finally {
            pool.shutdown();
            reader.deactivate();
        }
        assertTrue(plates.size() > 0);
    }
}

package id.parkir.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.parkir.api.anpr.GrayImage;

class BadInputTest {
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

    @Test
    void tinyImagesAreEmpty() {
        assertEquals(Optional.empty(), reader.read(new GrayImage(1, 1, new byte[1])));
        assertEquals(Optional.empty(), reader.read(new GrayImage(10, 6, new byte[60])));
        assertEquals(Optional.empty(), reader.read(null));
    }

    @Test
    void blankImagesAreEmpty() {
        for (int v : new int[] {0, 128, 255}) {
            byte[] px = new byte[300 * 100];
            Arrays.fill(px, (byte) v);
            assertEquals(Optional.empty(), reader.read(new GrayImage(300, 100, px)), "blank " + v);
        }
    }

    @Test
    void noiseAndExtremeShapesDoNotThrow() {
        Random r = new Random(7);
        for (int[] size : new int[][] {{300, 100}, {4000, 20}, {20, 3000}, {17, 9}, {64, 64}}) {
            byte[] px = new byte[size[0] * size[1]];
            r.nextBytes(px);
            GrayImage img = new GrayImage(size[0], size[1], px);
            assertDoesNotThrow(() -> reader.read(img).ifPresent(t -> {
                assertTrue(t.text().matches("[A-Z0-9]+"), t.text());
                assertTrue(t.confidence() >= 0 && t.confidence() <= 1);
            }));
        }
    }

    @Test
    void stoppedReaderAnswersEmpty() throws Exception {
        TesseractPlateReader r = new TesseractPlateReader();
        r.start(TesseractPlateReader.Settings.defaults(), NativeSetup.defaultBase());
        r.deactivate();
        byte[] px = new byte[300 * 100];
        new Random(1).nextBytes(px);
        assertEquals(Optional.empty(), r.read(new GrayImage(300, 100, px)));
    }
}

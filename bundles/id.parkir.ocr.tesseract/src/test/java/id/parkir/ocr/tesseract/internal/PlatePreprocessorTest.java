package id.parkir.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.parkir.api.anpr.GrayImage;

class PlatePreprocessorTest {
    /** An old-style plate: light bars (characters) on dark, a frame, and a small month/year line below. */
    static GrayImage syntheticPlate(boolean lightOnDark) {
        int w = 400;
        int h = 130;
        byte bg = (byte) (lightOnDark ? 25 : 230);
        byte ink = (byte) (lightOnDark ? 225 : 20);
        byte[] px = new byte[w * h];
        Arrays.fill(px, bg);
        fill(px, w, 2, 2, w - 4, 3, ink);         // frame top
        fill(px, w, 2, h - 5, w - 4, 3, ink);     // frame bottom
        fill(px, w, 2, 2, 3, h - 4, ink);         // frame left
        fill(px, w, w - 5, 2, 3, h - 4, ink);     // frame right
        for (int i = 0; i < 7; i++) {             // seven characters, 60 px tall
            fill(px, w, 30 + i * 50, 15, 28, 60, ink);
            fill(px, w, 38 + i * 50, 25, 12, 40, bg); // a hole, so they look like "0"
        }
        for (int i = 0; i < 4; i++) {             // the month/year line, 18 px tall
            fill(px, w, 140 + i * 30, 90, 14, 18, ink);
        }
        return new GrayImage(w, h, px);
    }

    static void fill(byte[] px, int w, int x, int y, int rw, int rh, byte v) {
        for (int yy = y; yy < y + rh; yy++) {
            Arrays.fill(px, yy * w + x, yy * w + x + rw, v);
        }
    }

    @Test
    void findsTheMainRowInBothPolarities() {
        for (boolean lightOnDark : new boolean[] {true, false}) {
            PlatePreprocessor.Candidate c = PlatePreprocessor.candidate(syntheticPlate(lightOnDark)).orElseThrow();
            assertEquals(7, c.row().size(), "characters found, light on dark " + lightOnDark);
            assertTrue(c.top() >= 13 && c.top() <= 17 && c.bottom() >= 72 && c.bottom() <= 76, "band " + c.top() + ".." + c.bottom());
        }
    }

    @Test
    void rendersDarkCharactersOnWhiteAtTheRequestedHeight() {
        PlatePreprocessor pre = new PlatePreprocessor(36);
        GrayImage out = pre.prepare(syntheticPlate(true)).orElseThrow();
        // characters 36 px tall, a little band margin, 18 px padding above and below
        assertTrue(out.height() >= 36 + 36 && out.height() <= 36 + 36 + 10, "height " + out.height());
        assertEquals(255, out.at(0, 0));
        long dark = 0;
        for (byte b : out.pixels()) {
            if ((b & 0xff) < 128) {
                dark++;
            }
        }
        assertTrue(dark > 0 && dark < out.pixels().length / 2, "dark pixels " + dark);
        // the month/year line and the frame are gone: no ink in the bottom padding
        for (int x = 0; x < out.width(); x++) {
            assertEquals(255, out.at(x, out.height() - 2));
        }
    }

    @Test
    void blankAndTinyCropsGiveNothing() {
        PlatePreprocessor pre = new PlatePreprocessor(36);
        assertEquals(Optional.empty(), pre.prepare(new GrayImage(8, 8, new byte[64])));
        byte[] grey = new byte[200 * 60];
        Arrays.fill(grey, (byte) 90);
        assertEquals(Optional.empty(), pre.prepare(new GrayImage(200, 60, grey)));
    }
}

package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.lang.annotation.Annotation;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What the recogniser does at its limits: a photo too large to decode, and every reading slot taken. */
class RecognizerLimitsTest {
    static AnprConfig config(int concurrent, int waitSeconds) {
        return config(concurrent, waitSeconds, AnprConfig.AUTO_ACCEPT_AT);
    }

    static AnprConfig config(int concurrent, int waitSeconds, double autoAcceptAt) {
        return new AnprConfig() {
            public Class<? extends Annotation> annotationType() {
                return AnprConfig.class;
            }

            public String syntax() {
                return "indonesia";
            }

            public double minConfidence() {
                return 0.2;
            }

            public int maxPlates() {
                return 3;
            }

            public double secondOpinionBelow() {
                return 0;
            }

            public long maxImagePixels() {
                return 1_000_000;
            }

            public int maxConcurrentReads() {
                return concurrent;
            }

            public int maxWaitSeconds() {
                return waitSeconds;
            }

            public double autoAcceptAt() {
                return autoAcceptAt;
            }
        };
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoOverThePixelLimitIsRefusedBeforeDecoding() throws Exception {
        OpenCvPlateRecognizer r = new OpenCvPlateRecognizer(config(2, 1));
        ParkirException e = assertThrows(ParkirException.class, () -> r.recognize(jpeg(1200, 1000)));
        assertEquals("image_dimensions_too_large", e.code());
        assertEquals(0, r.recognize(jpeg(640, 480)).plates().size(), "a blank photo within the limit is read");
    }

    @Test
    void whenEverySlotIsTakenAPhotoWaitsThenGets503() throws Exception {
        OpenCvPlateRecognizer r = new OpenCvPlateRecognizer(config(1, 0));
        byte[] photo = jpeg(64, 64);
        r.turns.acquire(); // another photo is being read
        try {
            ParkirException busy = assertThrows(ParkirException.class, () -> r.recognize(photo));
            assertEquals("anpr_busy", busy.code());
            assertEquals(ParkirException.Kind.UNAVAILABLE, busy.kind());
        } finally {
            r.turns.release();
        }
        assertTrue(r.recognize(photo).plates().isEmpty(), "free again once the other photo is done");
    }
}

package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.Recognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The recogniser marks a reading autoAccept exactly when its confidence reaches the configured threshold. */
class AutoAcceptTest {
    private static final Path CROP = Paths.get(System.getProperty("parkir.shared", "../../../shared"),
            "data/plates/id_crops_train/images/train001_1.jpg");

    @Test
    void theThresholdDecides() throws Exception {
        byte[] photo = Files.readAllBytes(CROP);
        PlateReading always = best(new OpenCvPlateRecognizer(RecognizerLimitsTest.config(1, 1, 0)).recognize(photo));
        PlateReading never = best(new OpenCvPlateRecognizer(RecognizerLimitsTest.config(1, 1, 2)).recognize(photo));
        assertTrue(always.autoAccept(), "threshold 0: every reading is accepted");
        assertFalse(never.autoAccept(), "threshold 2: none is");
        assertEquals(always.text(), never.text());
        double at = always.confidence();
        assertTrue(best(new OpenCvPlateRecognizer(RecognizerLimitsTest.config(1, 1, at)).recognize(photo)).autoAccept(),
                "a reading exactly at the threshold is accepted");
        assertFalse(best(new OpenCvPlateRecognizer(RecognizerLimitsTest.config(1, 1, at + 0.001)).recognize(photo)).autoAccept());
    }

    private static PlateReading best(Recognition r) {
        assertFalse(r.plates().isEmpty(), "no plate read in " + CROP);
        return r.plates().get(0);
    }
}

package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.anpr.Box;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** How the readers' votes become plates, and the pipeline on a photo with no plate. */
class PlatePipelineTest {
    private static final Box ROW0 = new Box(10, 10, 100, 30);
    private static final Box ROW1 = new Box(10, 200, 100, 30);

    private static PlateSyntax.Reading reading(String text, double... p) {
        double log = 0;
        for (double q : p) {
            log += Math.log(q);
        }
        return new PlateSyntax.Reading(text, p, log, 0, p.length - 1);
    }

    private static PlatePipeline.Vote vote(PlateSyntax.Reading r, int row, Box box) {
        return new PlatePipeline.Vote(r, row, box);
    }

    @Test
    void twoReadersAgreeingAreSurerThanEitherAlone() {
        List<PlatePipeline.Plate> one = PlatePipeline.tally(List.of(vote(reading("B1234CD", 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.8), 0, ROW0)));
        List<PlatePipeline.Plate> two = PlatePipeline.tally(List.of(
                vote(reading("B1234CD", 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.8), 0, ROW0),
                vote(reading("B1234CD", 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.7), 0, ROW0)));
        double r = PlatePipeline.READER_RELIABILITY;
        assertEquals(r * 0.8, one.get(0).confidence(), 1e-9, "alone: its least sure character, times a reader's reliability");
        assertEquals(1 - (1 - r * 0.8) * (1 - r * 0.7), two.get(0).confidence(), 1e-9, "both wrong");
        assertTrue(two.get(0).agreed());
        assertFalse(one.get(0).agreed());
    }

    @Test
    void aConfidentDifferentReadingOfTheSameRowMakesBothDoubtful() {
        List<PlatePipeline.Plate> plates = PlatePipeline.tally(List.of(
                vote(reading("B1234CD", 0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.95), 0, ROW0),
                vote(reading("B1284CD", 0.99, 0.99, 0.99, 0.9, 0.99, 0.99, 0.99), 0, ROW0),
                vote(reading("AB12", 0.99, 0.99, 0.99, 0.99), 1, ROW1)));
        PlatePipeline.Plate b1234 = plates.stream().filter(p -> p.text().equals("B1234CD")).findFirst().orElseThrow();
        double r = PlatePipeline.READER_RELIABILITY;
        assertEquals(r * 0.95 * (1 - 0.9), b1234.confidence(), 1e-9);
        PlatePipeline.Plate other = plates.stream().filter(p -> p.text().equals("AB12")).findFirst().orElseThrow();
        assertEquals(r * 0.99, other.confidence(), 1e-9, "another row's reading is no vote against it");
        assertEquals(ROW1, other.box());
    }

    @Test
    void theWholePhotoVotesOnEveryRowAndTheRowsBoxIsReported() {
        Box whole = new Box(0, 0, 600, 190);
        List<PlatePipeline.Plate> plates = PlatePipeline.tally(List.of(
                vote(reading("L1905NK", 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9), -1, whole),
                vote(reading("L1905NK", 0.6, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9), 0, ROW0),
                vote(reading("L1905MK", 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.9), 1, ROW1)));
        assertEquals("L1905NK", plates.get(0).text(), "two votes outrank one");
        assertEquals(ROW0, plates.get(0).box());
        double r = PlatePipeline.READER_RELIABILITY;
        assertEquals((1 - (1 - r * 0.9) * (1 - r * 0.6)) * (1 - 0.5), plates.get(0).confidence(), 1e-9,
                "the other row overlaps the whole photo's vote");
    }

    @Test
    void aPhotoWithNoPlateGivesNothing() {
        OpenCv.load();
        Mat grey = new Mat(480, 640, CvType.CV_8UC1, new Scalar(128));
        assertTrue(PlatePipeline.shipped(PlateSyntax.Mode.INDONESIA).read(grey).isEmpty());
        Mat wide = new Mat(100, 400, CvType.CV_8UC1, new Scalar(128));
        List<PlatePipeline.Plate> plates = PlatePipeline.shipped(PlateSyntax.Mode.INDONESIA).read(wide);
        assertTrue(plates.isEmpty() || plates.get(0).confidence() < 0.5, "a blank crop is no sure plate: " + plates);
    }
}

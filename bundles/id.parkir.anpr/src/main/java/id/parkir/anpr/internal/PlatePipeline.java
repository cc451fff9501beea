package id.parkir.anpr.internal;

import id.parkir.api.anpr.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;

/**
 * Finds the plates in a grey image and reads each twice: {@link PlateFinder} finds rows of
 * character-shaped components and reads them character by character; {@link PlateLineReader}
 * reads the same plate box as a whole line. The line reader's reading is the answer (it is the
 * stronger reader: it sees the old plates' font and the characters touching the frame); the
 * segmented reading stands in where the line reader makes no valid plate, and where both agree
 * the plate is surer. A photo shaped like a plate (a crop) is also read whole.
 */
public final class PlatePipeline {
    /**
     * How often a reader alone is right when it is sure: about 9 in 10 (the line reader reads 88%
     * of its held-out training crops exactly). A plate one reader alone reads is at most this sure,
     * so only plates two readers agree on reach the auto-accept threshold.
     */
    static final double READER_RELIABILITY = 0.9;
    /** Log-score bonus of a plate per further reader that read the same text. */
    static final double AGREEMENT_BONUS = Math.log(10);
    /** Rows read by the line reader, best first: the others are rarely the vehicle at the gate. */
    static final int MAX_LINES = 6;
    /** Wider than this (width over height) the photo may be the plate alone, and is read whole too. */
    static final double CROP_ASPECT = 2.2;

    /** A plate: its text, confidence 0..1, and where it is in the input image. */
    public record Plate(String text, double confidence, Box box, boolean agreed) {
    }

    private final PlateFinder finder;
    private final PlateLineReader lines;
    private final PlateSyntax.Mode mode;

    public PlatePipeline(CharClassifier classifier, PlateLineReader lines, PlateSyntax.Mode mode) {
        this.finder = new PlateFinder(classifier, mode);
        this.lines = lines;
        this.mode = mode;
    }

    /** The shipped models. */
    public static PlatePipeline shipped(PlateSyntax.Mode mode) {
        return new PlatePipeline(CharClassifier.shipped(), PlateLineReader.shipped(), mode);
    }

    /** The plates in the image, best first. */
    public List<Plate> read(Mat gray) {
        List<PlateFinder.Found> found = finder.find(gray);
        try {
            return read(gray, found);
        } finally {
            PlateFinder.release(found);
        }
    }

    private List<Plate> read(Mat gray, List<PlateFinder.Found> found) {
        List<PlateFinder.Found> rows = found.subList(0, Math.min(MAX_LINES, found.size()));
        List<Box> boxes = new ArrayList<>();
        for (PlateFinder.Found f : rows) {
            boxes.add(f.row());
        }
        boolean crop = gray.cols() >= CROP_ASPECT * gray.rows();
        if (crop) {
            boxes.add(new Box(0, 0, gray.cols(), gray.rows()));
        }
        // the line reader learned Indonesian plates only: foreign plates (syntax "any") are read by characters
        PlateSyntax.Reading[] lineReadings = mode == PlateSyntax.Mode.ANY ? new PlateSyntax.Reading[boxes.size()]
                : lines.read(gray, boxes, mode);
        // every reading is a vote: the segmented and the line reading of each row, and the whole photo's
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            votes.add(new Vote(rows.get(i).reading(), i, rows.get(i).box()));
            if (lineReadings[i] != null) {
                votes.add(new Vote(lineReadings[i], i, rows.get(i).box()));
            }
        }
        if (crop && lineReadings[rows.size()] != null) {
            votes.add(new Vote(lineReadings[rows.size()], WHOLE, boxes.get(rows.size())));
        }
        return tally(votes);
    }

    /** The photo read whole: it overlaps every row. */
    static final int WHOLE = -1;

    /** One reader's reading of one row (or of the whole photo). */
    record Vote(PlateSyntax.Reading reading, int row, Box box) {
        double least() {
            return PlatePipeline.least(reading);
        }

        boolean overlaps(Vote o) {
            return row == o.row || row == WHOLE || o.row == WHOLE;
        }
    }

    /**
     * Plates from the votes: a text read by several readers is surer (the chance that all of them
     * are wrong the same way is the product of their doubts), and a different text read for the
     * same row with confidence makes it less sure. Ranked by the best reading's score, with a
     * bonus per agreeing reader.
     */
    static List<Plate> tally(List<Vote> votes) {
        Map<String, List<Vote>> byText = new LinkedHashMap<>();
        votes.forEach(v -> byText.computeIfAbsent(v.reading().text(), t -> new ArrayList<>()).add(v));
        List<Scored> plates = new ArrayList<>();
        for (List<Vote> same : byText.values()) {
            double doubt = 1;
            double rank = Double.NEGATIVE_INFINITY;
            Vote first = same.get(0);
            for (Vote v : same) {
                doubt *= 1 - READER_RELIABILITY * v.least();
                rank = Math.max(rank, rank(v.reading()));
                first = first.row() == WHOLE ? v : first; // a row's box says where the plate is better than the whole photo
            }
            double against = 0;
            for (Vote o : votes) {
                if (!o.reading().text().equals(first.reading().text()) && same.stream().anyMatch(o::overlaps)) {
                    against = Math.max(against, o.least());
                }
            }
            double confidence = (1 - doubt) * (1 - against);
            plates.add(new Scored(new Plate(first.reading().text(), confidence, first.box(), same.size() > 1),
                    rank + AGREEMENT_BONUS * (same.size() - 1)));
        }
        plates.sort(Comparator.comparingDouble(Scored::rank).reversed());
        return plates.stream().map(Scored::plate).toList();
    }

    private record Scored(Plate plate, double rank) {
    }

    /** The probability of the reading's least sure character: one wrong character makes a wrong plate. */
    static double least(PlateSyntax.Reading r) {
        double least = 1;
        for (double p : r.charProbabilities()) {
            least = Math.min(least, p);
        }
        return least;
    }

    /** How plate-like: log probability plus a bonus per character (a whole plate beats a fragment of it). */
    private static double rank(PlateSyntax.Reading r) {
        return r.logScore() + PlateFinder.CHAR_BONUS * r.text().length();
    }

}

package id.parkir.api.anpr;

/**
 * A plate found in an image: its text, confidence 0..1 and where it is; {@code autoAccept} when the
 * confidence reached the recogniser's auto-accept threshold (readings that sure are right at least
 * 99.5% of the time, so the operator need not confirm them).
 */
public record PlateReading(String text, double confidence, Box box, boolean autoAccept) {
    /** A reading of a recogniser with no auto-accept threshold. */
    public PlateReading(String text, double confidence, Box box) {
        this(text, confidence, box, false);
    }
}

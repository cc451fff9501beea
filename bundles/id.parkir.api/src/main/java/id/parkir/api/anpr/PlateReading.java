package id.parkir.api.anpr;

/** A plate found in an image: its text, confidence 0..1 and where it is. */
public record PlateReading(String text, double confidence, Box box) {
}

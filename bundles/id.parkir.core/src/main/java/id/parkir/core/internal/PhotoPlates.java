package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Plate;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.anpr.Recognition;
import java.util.function.Supplier;

/** The plate ANPR reads in a gate photo, for the operator to confirm. Runs before any transaction. */
final class PhotoPlates {
    private final Supplier<PlateRecognizer> recognizer;

    PhotoPlates(Supplier<PlateRecognizer> recognizer) {
        this.recognizer = recognizer;
    }

    boolean available() {
        return recognizer.get() != null;
    }

    /**
     * The best valid plate in the photo. A user error when no recogniser is installed or nothing
     * readable is in the photo: the operator types the plate.
     */
    PlateReading read(byte[] image) {
        PlateRecognizer r = recognizer.get();
        if (r == null) {
            throw ParkirException.invalid("plate_missing", "plate is required (no plate recogniser is installed)");
        }
        return readIfAny(image).orElseThrow(() -> ParkirException.invalid("plate_unreadable",
                "no plate could be read from the photo: type the plate"));
    }

    /**
     * The best valid plate in the photo, if any: at an exit with its ticket the plate is only a
     * check, and a dirty plate or a dark photo must not hold the vehicle at the gate.
     */
    java.util.Optional<PlateReading> readIfAny(byte[] image) {
        PlateRecognizer r = recognizer.get();
        if (r == null) {
            return java.util.Optional.empty();
        }
        Recognition result = r.recognize(image);
        return result.plates().stream().filter(p -> Plate.isValid(p.text())).findFirst();
    }
}

package id.parkir.api.anpr;

import java.util.List;

/** The plates found in one image, best first, with the engine(s) that read them and the time taken. */
public record Recognition(List<PlateReading> plates, String engine, long millis) {
    public Recognition {
        plates = List.copyOf(plates);
    }
}

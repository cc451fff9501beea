package id.parkir.api;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where Parkir keeps its data (database, photos, recordings, camera settings). */
public final class ParkirData {
    private ParkirData() {
    }

    /** The system property {@code parkir.data} (the distribution sets {@code ${karaf.home}/parkir-data}), else a folder in {@code karaf.data}. */
    public static Path folder() {
        String data = System.getProperty("parkir.data",
                System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")) + "/parkir");
        return Paths.get(data);
    }
}

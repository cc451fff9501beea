package id.parkir.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Native programs and libraries a plugin carries inside its bundle and puts on disk to run them
 * (Tesseract's libraries, the ffmpeg program).
 */
public final class BundledFiles {
    private BundledFiles() {
    }

    /** {@code ${karaf.data}/<name>}, else a folder of this user's in {@code java.io.tmpdir} (tests). */
    public static Path dataFolder(String name) {
        String karafData = System.getProperty("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData, name);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), name + "-" + user);
    }

    /**
     * Writes the resource to {@code target} unless the same bytes are already there. A file a
     * running process has mapped must never be rewritten in place, so a changed file is written
     * beside it and moved over it.
     *
     * @throws IOException when the resource is missing or the file cannot be written
     */
    public static void copyIfChanged(ClassLoader cl, String resource, Path target) throws IOException {
        byte[] bytes;
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the bundle");
            }
            bytes = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

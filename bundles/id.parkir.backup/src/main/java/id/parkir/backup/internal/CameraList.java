package id.parkir.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The NVR's camera list ({@code ${parkir.data}/nvr/cameras.properties}; passwords sealed with the key
 * file beside it). A backup holds the list and a fingerprint of the key (never the key itself, which is
 * kept apart from the data it protects); a restore replaces the list whole (moved into place) and says
 * when its passwords were sealed with another key than this server's.
 */
final class CameraList {
    final Path file;
    final Path key;

    CameraList(Path nvrFolder) {
        this.file = nvrFolder.resolve("cameras.properties");
        this.key = nvrFolder.resolve("camera-password.key");
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The first 16 hex digits of the key's SHA-256; null without a key. */
    String keyId() throws IOException {
        if (!Files.isRegularFile(key)) {
            return null;
        }
        return HexFormat.of().formatHex(ArchiveWriter.sha256().digest(Files.readAllBytes(key))).substring(0, 16);
    }

    private static Properties load(Path list) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(list)) {
            try (var in = Files.newInputStream(list)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Whether a camera list holds sealed passwords. */
    static boolean hasPasswords(Path list) throws IOException {
        return load(list).stringPropertyNames().stream().anyMatch(k -> k.endsWith(".password"));
    }

    /** The camera ids of a list (each camera has {@code <id>.name}). */
    static Set<String> ids(Path list) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String k : load(list).stringPropertyNames()) {
            if (k.endsWith(".name")) {
                ids.add(k.substring(0, k.length() - 5));
            }
        }
        return ids;
    }

    /** Replaces the list by a restored one; answers a warning when its passwords cannot be opened here, else null. */
    String replace(Path restored, String backupKeyId) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("cameras.properties.restoring");
        Files.copy(restored, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String here = keyId();
        if (hasPasswords(file) && (backupKeyId == null || !backupKeyId.equals(here))) {
            return "camera_key_differs";
        }
        return null;
    }
}

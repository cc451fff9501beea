package id.parkir.api.nvr;

import java.time.Instant;

/**
 * What one camera's recorder is doing.
 *
 * @param state {@code recording}, {@code connecting}, {@code retrying}, {@code stopped} or {@code error}
 * @param reason why it is retrying or in error, else null
 */
public record CameraStatus(String camera, String name, String state, String reason, Instant since, long uptimeSeconds,
        double fps, double bitrate, String currentSegment, long bytesToday, String lastError, Instant lastErrorAt,
        Instant stopsAt) {
}

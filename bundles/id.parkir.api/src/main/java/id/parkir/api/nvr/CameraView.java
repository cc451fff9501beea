package id.parkir.api.nvr;

/**
 * A camera as it is shown back: its address with the credentials masked, never the password.
 *
 * @param url the stream address with the user name but no password, e.g. {@code rtsp://admin:***@10.0.0.5:554/stream1}
 */
public record CameraView(String id, String name, String url, String username, boolean hasPassword, String gateRole,
        String gateId) {
}

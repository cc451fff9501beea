package id.parkir.api.nvr;

/**
 * A camera as an admin enters it. Either {@code url} (a full {@code rtsp://} or {@code http://}
 * address, without credentials) or {@code host} (+ optional {@code port} and {@code path}) is given.
 * On an update, a null {@code password} keeps the stored one; an empty one removes it.
 *
 * @param gateRole {@code entry}, {@code exit} or null (a CCTV camera that only records)
 */
public record CameraSpec(String name, String host, Integer port, String path, String url, String username,
        String password, String gateRole, String gateId) {
}

package id.parkir.api.parking;

/** A stored gate photo of a session: its bytes and their media type ({@code image/jpeg} or {@code image/png}). */
public record SessionPhoto(String mediaType, byte[] bytes) {
    public static final String ENTRY = "entry";
    public static final String EXIT = "exit";
}

package id.parkir.api.parking;

/** A vehicle at the entry gate, as confirmed by the operator. {@code image} and {@code gate} are optional. */
public record EntryCommand(String plate, String vehicleType, String gate, String zone, byte[] image) {
}

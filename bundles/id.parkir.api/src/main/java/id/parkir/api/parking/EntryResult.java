package id.parkir.api.parking;

import java.time.Instant;

/** The printed entry ticket. */
public record EntryResult(String ticket, String plate, String vehicleType, Instant entryTime, String zone, String gate,
                          boolean imageStored) {
}

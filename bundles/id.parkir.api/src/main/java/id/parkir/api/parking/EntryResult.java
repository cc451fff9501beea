package id.parkir.api.parking;

import id.parkir.api.anpr.PlateText;
import java.time.Instant;

/**
 * The printed entry ticket. {@code plateRead} is what ANPR read from the photo when the plate was
 * not typed (the operator confirms or corrects it); null when the plate was typed.
 * {@code plateAutoAccepted}: that reading met ANPR's auto-accept threshold.
 */
public record EntryResult(String ticket, String plate, String vehicleType, Instant entryTime, String zone, String gate,
                          boolean imageStored, PlateText plateRead, boolean plateAutoAccepted) {
}

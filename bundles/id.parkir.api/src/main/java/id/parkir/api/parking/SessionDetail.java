package id.parkir.api.parking;

import java.time.Instant;

/**
 * One parking session with what a session page shows. {@code gate} is the entry gate (the exit
 * gate is not recorded); {@code enteredBy} the user who recorded the entry; {@code lostTicket} the
 * flag of the latest exit quote (or of the payment); {@code overnights} counted to the exit, or to
 * now for a vehicle inside; {@code payment} the receipt, or null while unpaid (its cashier is the
 * user who took the payment and closed the stay).
 */
public record SessionDetail(String ticket, String plate, String vehicleType, String zone, String gate, String status,
                            Instant entryTime, Instant exitTime, String enteredBy, boolean lostTicket, int overnights,
                            boolean hasEntryPhoto, boolean hasExitPhoto, Receipt payment) {
}

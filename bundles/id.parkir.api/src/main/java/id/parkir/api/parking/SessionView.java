package id.parkir.api.parking;

import java.time.Instant;

/** One parking session as listed. */
public record SessionView(String ticket, String plate, String vehicleType, String zone, String gate, String status,
                          Instant entryTime, Instant exitTime, Long total, boolean lostTicket, int overnights,
                          String receiptNo) {
}

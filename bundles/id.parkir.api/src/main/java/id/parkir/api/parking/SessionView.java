package id.parkir.api.parking;

import java.time.Instant;

/**
 * One parking session as listed. {@code feeSoFar} is what the stay would cost if the vehicle left
 * now (tariff rule in use, without a lost-ticket fine): set in lists of vehicles inside
 * ({@code status=inside} or {@code overnight}), null elsewhere or when no tariff rule can price it.
 */
public record SessionView(String ticket, String plate, String vehicleType, String zone, String gate, String status,
                          Instant entryTime, Instant exitTime, Long total, boolean lostTicket, int overnights,
                          String receiptNo, Long feeSoFar) {
}

package id.parkir.api;

import java.time.Duration;
import java.time.Instant;

/**
 * What a tariff rule prices: one vehicle's stay.
 *
 * @param zone       the zone code; null when a stay is priced without a vehicle (the admin's
 *                   tariff simulation, POST /api/tariff/quote)
 * @param overnights how many times the stay crossed the site's day boundary (computed by the core
 *                   from its configured boundary and time zone, so listing and pricing agree)
 */
public record Stay(VehicleType vehicleType, String zone, Instant entryTime, Instant exitTime, boolean lostTicket,
                   int overnights) {

    public long durationMinutes() {
        return Math.max(0, Duration.between(entryTime, exitTime).toMinutes());
    }
}

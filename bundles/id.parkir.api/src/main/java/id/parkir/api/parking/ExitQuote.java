package id.parkir.api.parking;

import id.parkir.api.Fee;
import java.time.Instant;

/**
 * What the exit costs, without charging it. {@code plateMatches} is null when no exit plate was
 * given; {@code imageMatchScore} is null when there is no image pair or no image matcher.
 */
public record ExitQuote(String ticket, String plate, String vehicleType, Instant entryTime, Instant exitTime,
                        long durationMinutes, Fee fee, Boolean plateMatches, Double imageMatchScore, boolean lostTicket,
                        int overnights) {
}

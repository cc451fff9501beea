package id.parkir.api.parking;

import id.parkir.api.Fee;
import id.parkir.api.anpr.PlateText;
import java.time.Instant;

/**
 * What the exit costs, without charging it. {@code plateMatches} compares the exit plate (typed, or
 * read by ANPR from the exit photo: {@code plateRead}) with the entry plate, tolerating the usual
 * reading confusions; null when there is no exit plate. {@code imageMatchScore} is null when there is
 * no image pair or no image matcher.
 */
public record ExitQuote(String ticket, String plate, String vehicleType, Instant entryTime, Instant exitTime,
                        long durationMinutes, Fee fee, Boolean plateMatches, Double imageMatchScore, boolean lostTicket,
                        int overnights, PlateText plateRead) {
}

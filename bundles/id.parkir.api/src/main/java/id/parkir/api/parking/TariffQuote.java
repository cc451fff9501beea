package id.parkir.api.parking;

import id.parkir.api.FeeLine;
import java.time.Instant;
import java.util.List;

/**
 * What the tariff rule in use would charge for a stay (POST /api/tariff/quote): priced by the
 * same rule and day boundary as exits, nothing stored.
 */
public record TariffQuote(String vehicleType, Instant entryTime, Instant exitTime, boolean lostTicket,
                          long durationMinutes, int overnights, long total, List<FeeLine> lines) {
    public TariffQuote {
        lines = List.copyOf(lines);
    }
}

package id.parkir.core.internal;

import id.parkir.api.Fee;
import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.VehicleType;
import id.parkir.api.parking.TariffQuote;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * "What would this stay cost?" for the admin's tariff screen: the stay priced by the tariff rule in
 * use with the overnights of the site's day boundary, exactly as an exit is priced
 * ({@link Sessions#stay}), without a session and without storing anything.
 */
final class TariffQuotes {
    /** The longest stay priced: a year and a day (a longer one is a typing mistake, and bounds the night count). */
    static final Duration LONGEST = Duration.ofDays(366);

    private final DayBoundary boundary;
    private final Supplier<TariffRule> tariffRule;

    TariffQuotes(DayBoundary boundary, Supplier<TariffRule> tariffRule) {
        this.boundary = boundary;
        this.tariffRule = tariffRule;
    }

    TariffQuote quote(String vehicleType, Instant entry, Instant exit, boolean lostTicket) {
        VehicleType type = VehicleType.parse(vehicleType);
        if (entry == null || exit == null) {
            throw ParkirException.invalid("time_missing", "entryTime and exitTime are required (ISO-8601 instants)");
        }
        if (exit.isBefore(entry)) {
            throw ParkirException.invalid("time_invalid", "exitTime must not be before entryTime");
        }
        if (Duration.between(entry, exit).compareTo(LONGEST) > 0) {
            throw ParkirException.invalid("time_invalid", "a stay can be priced up to 366 days");
        }
        TariffRule rule = tariffRule.get();
        Stay stay = new Stay(type, null, entry, exit, lostTicket, boundary.nightsBetween(entry, exit));
        Fee fee = rule.quote(stay);
        return new TariffQuote(type.code(), entry, exit, lostTicket, stay.durationMinutes(), stay.overnights(), fee.total(),
                fee.lines());
    }
}

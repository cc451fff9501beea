package id.parkir.core.internal;

import id.parkir.api.Fee;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;

/**
 * The parts of a fee that the reports show in columns of their own: what the lost ticket added
 * (the fine) and what the nights added (the overnight charge). Found by pricing the same stay again
 * without them with the same rule, so it holds for any tariff rule whatever its fee lines are called
 * (three quotes of a stay, in memory, at payment). Each part lies between 0 and what is left of the total.
 */
record FeeParts(long fine, long overnightCharge) {
    static FeeParts of(TariffRule rule, Stay stay, Fee fee) {
        long withoutFine = fee.total();
        if (stay.lostTicket()) {
            withoutFine = rule.quote(new Stay(stay.vehicleType(), stay.zone(), stay.entryTime(), stay.exitTime(), false,
                    stay.overnights())).total();
        }
        long fine = clamp(fee.total() - withoutFine, fee.total());
        long withoutNights = withoutFine;
        if (stay.overnights() > 0) {
            withoutNights = rule.quote(new Stay(stay.vehicleType(), stay.zone(), stay.entryTime(), stay.exitTime(), false, 0))
                    .total();
        }
        return new FeeParts(fine, clamp(withoutFine - withoutNights, fee.total() - fine));
    }

    private static long clamp(long part, long atMost) {
        return Math.max(0, Math.min(part, atMost));
    }
}

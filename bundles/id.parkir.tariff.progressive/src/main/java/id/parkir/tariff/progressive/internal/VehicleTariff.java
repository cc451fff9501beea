package id.parkir.tariff.progressive.internal;

import id.parkir.api.Rupiah;

/**
 * The progressive tariff of one vehicle type, in rupiah. {@code dailyMax} 0 means no maximum;
 * started hours count as whole hours; a stay of at most {@code graceMinutes} is free.
 */
record VehicleTariff(long firstHour, long nextHour, long dailyMax, int graceMinutes, long overnight, long lostTicketFine) {

    VehicleTariff {
        if (firstHour < 0 || nextHour < 0 || dailyMax < 0 || graceMinutes < 0 || overnight < 0 || lostTicketFine < 0) {
            throw new IllegalArgumentException("tariff amounts and grace minutes must not be negative");
        }
    }

    String describe() {
        return "first hour " + Rupiah.format(firstHour) + ", next hours " + Rupiah.format(nextHour) + " each"
                + (dailyMax > 0 ? ", max " + Rupiah.format(dailyMax) + " per 24 h" : ", no daily maximum")
                + ", grace " + graceMinutes + " min, overnight " + Rupiah.format(overnight)
                + ", lost ticket " + Rupiah.format(lostTicketFine);
    }
}

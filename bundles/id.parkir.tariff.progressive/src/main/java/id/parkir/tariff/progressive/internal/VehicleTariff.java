package id.parkir.tariff.progressive.internal;

import id.parkir.api.Rupiah;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The progressive tariff of one vehicle type, in rupiah. {@code dailyMax} 0 means no maximum;
 * started hours count as whole hours; a stay of at most {@code graceMinutes} is free.
 * <p>
 * The limits of every value live here, and only here: the configuration file, the shell and
 * PUT /api/tariff all reach the rule through {@link #checked}. Amounts are whole rupiah from 0 to
 * {@link #MAX_AMOUNT}, grace from 0 to {@link #MAX_GRACE_MINUTES} minutes (a day), and a daily
 * maximum, when set, is at least the first hour (else the first hour could never be charged).
 */
record VehicleTariff(long firstHour, long nextHour, long dailyMax, int graceMinutes, long overnight, long lostTicketFine) {
    static final long MAX_AMOUNT = 100_000_000L;
    static final int MAX_GRACE_MINUTES = 1440;
    /** The fields in the order the configuration file and the API list them. */
    static final List<String> FIELDS = List.of("firstHour", "nextHour", "dailyMax", "graceMinutes", "overnight", "lostTicketFine");

    VehicleTariff {
        if (firstHour < 0 || nextHour < 0 || dailyMax < 0 || graceMinutes < 0 || overnight < 0 || lostTicketFine < 0) {
            throw new IllegalArgumentException("tariff amounts and grace minutes must not be negative");
        }
    }

    /**
     * A tariff from its six values, each checked against its limit; the message of a refusal names
     * the field as {@code <type>.<field>} (the configuration key).
     */
    static VehicleTariff checked(String type, Map<String, Long> values) {
        for (String field : FIELDS) {
            Long v = values.get(field);
            if (v == null) {
                throw new IllegalArgumentException(type + "." + field + " is missing");
            }
            long max = field.equals("graceMinutes") ? MAX_GRACE_MINUTES : MAX_AMOUNT;
            if (v < 0 || v > max) {
                throw new IllegalArgumentException(type + "." + field + " must be from 0 to " + max
                        + (field.equals("graceMinutes") ? " minutes" : " rupiah") + ", was " + v);
            }
        }
        long firstHour = values.get("firstHour");
        long dailyMax = values.get("dailyMax");
        if (dailyMax > 0 && dailyMax < firstHour) {
            throw new IllegalArgumentException(type + ".dailyMax must be 0 (no maximum) or at least " + type
                    + ".firstHour (" + firstHour + "), was " + dailyMax);
        }
        return new VehicleTariff(firstHour, values.get("nextHour"), dailyMax, values.get("graceMinutes").intValue(),
                values.get("overnight"), values.get("lostTicketFine"));
    }

    /** The six values by field name, in {@link #FIELDS} order. */
    Map<String, Long> values() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("firstHour", firstHour);
        m.put("nextHour", nextHour);
        m.put("dailyMax", dailyMax);
        m.put("graceMinutes", (long) graceMinutes);
        m.put("overnight", overnight);
        m.put("lostTicketFine", lostTicketFine);
        return m;
    }

    String describe() {
        return "first hour " + Rupiah.format(firstHour) + ", next hours " + Rupiah.format(nextHour) + " each"
                + (dailyMax > 0 ? ", max " + Rupiah.format(dailyMax) + " per 24 h" : ", no daily maximum")
                + ", grace " + graceMinutes + " min, overnight " + Rupiah.format(overnight)
                + ", lost ticket " + Rupiah.format(lostTicketFine);
    }
}

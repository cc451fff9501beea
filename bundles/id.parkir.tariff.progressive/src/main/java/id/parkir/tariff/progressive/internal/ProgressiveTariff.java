package id.parkir.tariff.progressive.internal;

import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.Stay;
import id.parkir.api.VehicleType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tarif progresif: the first started hour at one rate, every further started hour at another,
 * each 24-hour block from entry capped at the daily maximum; plus the overnight charge for each
 * day boundary the stay crossed and the lost-ticket fine.
 */
final class ProgressiveTariff {
    /** Defaults modelled on a Jakarta shopping mall (2024 boards); overridden by etc/id.parkir.tariff.progressive.cfg. */
    static final Map<VehicleType, VehicleTariff> MALL_DEFAULTS = Map.of(
            VehicleType.MOTORCYCLE, new VehicleTariff(3_000, 2_000, 20_000, 5, 25_000, 25_000),
            VehicleType.CAR, new VehicleTariff(5_000, 4_000, 60_000, 5, 50_000, 50_000),
            VehicleType.TRUCK, new VehicleTariff(10_000, 8_000, 120_000, 5, 100_000, 100_000),
            VehicleType.BUS, new VehicleTariff(10_000, 8_000, 120_000, 5, 100_000, 100_000));

    private final Map<VehicleType, VehicleTariff> tariffs;

    ProgressiveTariff(Map<VehicleType, VehicleTariff> tariffs) {
        this.tariffs = new EnumMap<>(tariffs);
        for (VehicleType t : VehicleType.values()) {
            if (!this.tariffs.containsKey(t)) {
                throw new IllegalArgumentException("no tariff for " + t.code());
            }
        }
    }

    /**
     * Reads {@code <type>.<key>} entries (e.g. {@code car.firstHour = 5000}); a missing key keeps the
     * mall default. Bad numbers are refused with the key named.
     */
    static ProgressiveTariff fromConfig(Map<String, ?> config) {
        Map<VehicleType, VehicleTariff> tariffs = new EnumMap<>(VehicleType.class);
        for (VehicleType t : VehicleType.values()) {
            VehicleTariff d = MALL_DEFAULTS.get(t);
            String p = t.code() + ".";
            tariffs.put(t, new VehicleTariff(
                    number(config, p + "firstHour", d.firstHour()),
                    number(config, p + "nextHour", d.nextHour()),
                    number(config, p + "dailyMax", d.dailyMax()),
                    (int) number(config, p + "graceMinutes", d.graceMinutes()),
                    number(config, p + "overnight", d.overnight()),
                    number(config, p + "lostTicketFine", d.lostTicketFine())));
        }
        return new ProgressiveTariff(tariffs);
    }

    private static long number(Map<String, ?> config, String key, long fallback) {
        Object v = config.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.toString().trim().replace("_", ""));
            if (n < 0 || n > 100_000_000L) {
                throw new IllegalArgumentException(key + " must be between 0 and 100000000, was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of rupiah, was '" + v + "'");
        }
    }

    Fee quote(Stay stay) {
        VehicleTariff t = tariffs.get(stay.vehicleType());
        long minutes = stay.durationMinutes();
        List<FeeLine> lines = new ArrayList<>();
        if (t.graceMinutes() > 0 && minutes <= t.graceMinutes()) {
            lines.add(new FeeLine("Parkir " + minutes + " menit (gratis, masa tenggang " + t.graceMinutes() + " menit)", 0));
        } else {
            long hours = Math.max(1, (minutes + 59) / 60); // a started hour counts whole, even the first minute
            long amount = 0;
            boolean capped = false;
            for (long blockStart = 0; blockStart < hours; blockStart += 24) {
                long blockHours = Math.min(24, hours - blockStart);
                long block = (blockStart == 0 ? t.firstHour() + (blockHours - 1) * t.nextHour() : blockHours * t.nextHour());
                if (t.dailyMax() > 0 && block > t.dailyMax()) {
                    block = t.dailyMax();
                    capped = true;
                }
                amount += block;
            }
            lines.add(new FeeLine("Parkir " + hours + " jam" + (capped ? " (tarif maksimum harian)" : ""), amount));
        }
        if (stay.overnights() > 0 && t.overnight() > 0) {
            lines.add(new FeeLine("Menginap " + stay.overnights() + " malam", stay.overnights() * t.overnight()));
        }
        if (stay.lostTicket()) {
            lines.add(new FeeLine("Denda tiket hilang", t.lostTicketFine()));
        }
        return Fee.of(lines);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        for (VehicleType type : VehicleType.values()) {
            sb.append(type.code()).append(": ").append(tariffs.get(type).describe()).append('\n');
        }
        return sb.toString().trim();
    }
}

package id.parkir.tariff.progressive.internal;

import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.Stay;
import id.parkir.api.VehicleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
            Map<String, Long> values = MALL_DEFAULTS.get(t).values();
            for (String field : VehicleTariff.FIELDS) {
                Long n = number(config, t.code() + "." + field);
                if (n != null) {
                    values.put(field, n);
                }
            }
            tariffs.put(t, VehicleTariff.checked(t.code(), values));
        }
        return new ProgressiveTariff(tariffs);
    }

    private static Long number(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.toString().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
        }
    }

    /**
     * The tariff an admin sends: every vehicle type with all six fields (no default fills a gap, so
     * a value left out by mistake is refused rather than silently reset), checked as the
     * configuration is.
     */
    static ProgressiveTariff fromSettings(Map<String, Map<String, Long>> settings) {
        if (settings == null) {
            throw new IllegalArgumentException("types is missing");
        }
        for (String type : settings.keySet()) {
            if (Arrays.stream(VehicleType.values()).noneMatch(t -> t.code().equals(type))) {
                throw new IllegalArgumentException("'" + type + "' is not a vehicle type (motorcycle, car, truck, bus)");
            }
        }
        Map<VehicleType, VehicleTariff> tariffs = new EnumMap<>(VehicleType.class);
        for (VehicleType t : VehicleType.values()) {
            Map<String, Long> values = settings.get(t.code());
            if (values == null) {
                throw new IllegalArgumentException(t.code() + " is missing: send all four vehicle types");
            }
            for (String field : values.keySet()) {
                if (!VehicleTariff.FIELDS.contains(field)) {
                    throw new IllegalArgumentException(t.code() + "." + field + " is not a tariff field ("
                            + String.join(", ", VehicleTariff.FIELDS) + ")");
                }
            }
            tariffs.put(t, VehicleTariff.checked(t.code(), values));
        }
        return new ProgressiveTariff(tariffs);
    }

    /** Every value by vehicle type code and field, in a stable order. */
    Map<String, Map<String, Long>> settings() {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        tariffs.forEach((type, tariff) -> m.put(type.code(), tariff.values()));
        return m;
    }

    /** The configuration entries of these values, as etc/id.parkir.tariff.progressive.cfg writes them (text). */
    Map<String, String> toConfig() {
        Map<String, String> m = new LinkedHashMap<>();
        settings().forEach((type, values) -> values.forEach((field, v) -> m.put(type + "." + field, Long.toString(v))));
        return m;
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

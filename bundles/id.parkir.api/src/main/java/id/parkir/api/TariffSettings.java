package id.parkir.api;

import java.util.Map;

/**
 * The settings of a tariff rule that an admin edits (GET/PUT /api/tariff), offered by the rule's
 * own bundle: only the rule knows its keys and their limits, so they are checked in one place.
 * Registered as a DS service with {@link PluginProperties#ID} equal to the id of its
 * {@link TariffRule}. Settings are whole numbers (rupiah, minutes, counts) per vehicle type code
 * ({@link VehicleType#code()}) and field name, e.g. {@code car -> firstHour -> 5000}; the maps keep
 * a stable order (vehicle types, then fields, as the rule lists them).
 */
public interface TariffSettings {
    /** The values the rule prices with now. */
    Map<String, Map<String, Long>> current();

    /**
     * Checks every value, writes them to the rule's configuration (Config Admin, so etc/ and the
     * shell see them) and returns once the rule prices with them.
     *
     * @return the settings now in effect
     * @throws ParkirException 400 {@code tariff_invalid} naming the field, with nothing saved;
     *                         503 when the configuration cannot be written or is not taken up in time
     */
    Map<String, Map<String, Long>> save(Map<String, Map<String, Long>> settings);
}

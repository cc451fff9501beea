package id.parkir.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The vehicle classes a gate distinguishes; each has its own tariff and zone capacity. */
public enum VehicleType {
    MOTORCYCLE, CAR, TRUCK, BUS;

    /** The lower-case name used in JSON, configuration keys and the shell. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code motorcycle|car|truck|bus} (any case); anything else is a user error. */
    public static VehicleType parse(String text) {
        if (text != null) {
            for (VehicleType t : values()) {
                if (t.code().equalsIgnoreCase(text.trim())) {
                    return t;
                }
            }
        }
        throw ParkirException.invalid("vehicle_type_invalid",
                "vehicleType must be one of " + Arrays.stream(values()).map(VehicleType::code).collect(Collectors.joining(", ")));
    }
}

package id.parkir.api.parking;

import java.util.Map;

/** A zone of the car park and its capacity per vehicle type (code → slots). */
public record ZoneView(String code, String name, Map<String, Integer> capacity) {
}

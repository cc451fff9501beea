package id.parkir.api.parking;

import java.util.List;

/** How full one zone is, per vehicle type. */
public record ZoneOccupancy(String zone, String name, List<TypeOccupancy> vehicleTypes) {

    /** Capacity, vehicles inside and free slots for one vehicle type. */
    public record TypeOccupancy(String vehicleType, int capacity, long inside, long free) {
    }
}

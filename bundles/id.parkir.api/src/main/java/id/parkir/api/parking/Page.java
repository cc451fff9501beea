package id.parkir.api.parking;

import java.util.List;

/** One page of a longer list. */
public record Page<T>(List<T> items, long total, int page, int size) {
}

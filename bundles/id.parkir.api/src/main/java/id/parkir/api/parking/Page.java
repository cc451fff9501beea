package id.parkir.api.parking;

import java.util.List;

/**
 * One page of a longer list. {@code total} counts the matches exactly up to a limit (so that a
 * list over years of history costs the same as over a day); {@code totalExact} is false when
 * there are more than {@code total}.
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int page, int size) {
}

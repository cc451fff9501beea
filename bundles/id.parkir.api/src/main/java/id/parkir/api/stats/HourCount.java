package id.parkir.api.stats;

/** Entries and exits (payments) in one hour of the site's day, {@code hour} 0..23 in local time. */
public record HourCount(int hour, long entries, long exits) {
}

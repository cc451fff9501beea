package id.parkir.api.security;

import java.time.Instant;

/** One line of the activity (audit) log. */
public record ActivityEntry(Instant time, String username, String action, String detail) {
}

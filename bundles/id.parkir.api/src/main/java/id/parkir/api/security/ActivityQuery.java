package id.parkir.api.security;

import java.time.Instant;

/**
 * A search of the activity log; null means "any". {@code from} is included, {@code to} is not.
 * {@code username} and {@code action} match exactly; {@code text} anywhere in the detail, ignoring
 * case. {@code page} counts from 0.
 */
public record ActivityQuery(Instant from, Instant to, String username, String action, String text, int page, int size) {
}

package id.parkir.api.security;

import java.time.Instant;

/** A user as shown to admins; never carries the password hash. */
public record UserView(String username, String fullName, String role, boolean active, boolean mustChangePassword,
                       boolean locked, Instant createdAt, Instant lastLoginAt) {
}

package id.parkir.api.security;

import java.time.Instant;

/** A successful login: the bearer token for the API and what the client must do next. */
public record LoginResult(String token, String username, String role, boolean mustChangePassword, Instant expiresAt) {
}

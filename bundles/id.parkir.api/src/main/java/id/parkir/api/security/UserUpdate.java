package id.parkir.api.security;

/** Changes to a user; null fields are left as they are. */
public record UserUpdate(String role, String fullName, Boolean active) {
}

package id.parkir.api.security;

/** A user an admin creates; the password is initial and must be changed at first login. */
public record NewUser(String username, String fullName, String role, String password) {
}

package id.parkir.api;

/** Who is asking: an authenticated user and their role. */
public record Actor(String username, Role role, boolean mustChangePassword) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}

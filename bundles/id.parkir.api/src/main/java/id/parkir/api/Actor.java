package id.parkir.api;

/**
 * Who is asking: an authenticated user and their role, and the address the request came from
 * ({@code origin}, for the activity log; null when unknown, e.g. a scheduled job).
 */
public record Actor(String username, Role role, boolean mustChangePassword, String origin) {
    public Actor(String username, Role role, boolean mustChangePassword) {
        this(username, role, mustChangePassword, null);
    }

    /** The same user, asking from {@code address}. */
    public Actor from(String address) {
        return new Actor(username, role, mustChangePassword, address);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}

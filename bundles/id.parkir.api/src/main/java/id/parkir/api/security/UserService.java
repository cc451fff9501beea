package id.parkir.api.security;

import id.parkir.api.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users, passwords, logins and API tokens. Passwords are only ever stored as salted slow hashes. */
public interface UserService {

    /** Logs in; throws {@code UNAUTHENTICATED} (or {@code LOCKED}) on failure. */
    LoginResult login(String username, String password, String remoteAddress);

    void logout(String token);

    /** The user behind a bearer token, if the token is valid and the account active. */
    Optional<Actor> authenticate(String token);

    /**
     * Checks a password for a non-API login (ssh shell, web console). Returns the actor only if the
     * account is active, not locked, and does not have to change its password first.
     */
    Optional<Actor> verifyPassword(String username, String password, String channel);

    /** Changes one's own password; every other session of the user ({@code currentToken} aside) ends. */
    void changePassword(Actor actor, String currentToken, String oldPassword, String newPassword);

    List<UserView> list();

    UserView get(String username);

    UserView create(Actor by, NewUser user);

    UserView update(Actor by, String username, UserUpdate update);

    /** Sets a new password chosen by an admin; the user must change it at the next login. */
    void resetPassword(Actor by, String username, String newPassword);

    /** The newest activity-log entries (logins, failures, user changes), newest first. */
    List<ActivityEntry> activity(int limit);

    /** How many times {@code action} (e.g. {@code LOGIN_FAILED}) was logged since {@code since}; an indexed count. */
    long countActivity(String action, Instant since);

    /** Records an event in the activity log. */
    void logActivity(String username, String action, String detail);
}

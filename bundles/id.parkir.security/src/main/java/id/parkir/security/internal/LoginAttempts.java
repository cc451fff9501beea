package id.parkir.security.internal;

import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
import java.time.Duration;

/**
 * Failed-login counting and lock-out, held by the database so that it holds whatever the
 * concurrency and however many servers: an attempt is counted ({@link #take}) before its
 * password is checked, with one conditional update that refuses once the limit is reached, so no
 * more than {@code maxFailures} passwords are ever tried per lock period, even when forty arrive
 * at once. The attempt that reaches the limit sets the lock time at once, so an account never
 * stays at its limit unlocked (and so refused for good) if what follows fails; a right password
 * clears count and lock, a wrong one at the limit ends the account's sessions.
 */
final class LoginAttempts {
    private final ParkirStore store;
    private final int maxFailures;
    private final long lockMillis;
    private final java.util.Map<String, Long> refusalsLogged = new java.util.concurrent.ConcurrentHashMap<>();

    LoginAttempts(ParkirStore store, int maxFailures, int lockMinutes) {
        this.store = store;
        this.maxFailures = Math.max(1, maxFailures);
        this.lockMillis = Duration.ofMinutes(lockMinutes).toMillis();
    }

    /** Counts one attempt; false (and nothing counted) when the account is locked or at its limit. */
    boolean take(String username, long now) {
        // an expired lock starts a new count at this attempt
        String next = "CASE WHEN LOCKED_UNTIL IS NULL THEN COALESCE(FAILED_LOGINS, 0) + 1 ELSE 1 END";
        return store.write(em -> Statements.update(em, "UPDATE PARKIR_USER SET LOCKED_UNTIL = CASE WHEN " + next
                + " >= ? THEN CAST(? AS BIGINT) ELSE NULL END, FAILED_LOGINS = " + next + " WHERE USERNAME = ?"
                + " AND ((LOCKED_UNTIL IS NULL AND COALESCE(FAILED_LOGINS, 0) < ?) OR LOCKED_UNTIL <= ?)",
                maxFailures, now + lockMillis, username, maxFailures, now)) == 1;
    }

    /** The attempt did not test a password (e.g. the account is disabled): it does not count. */
    void giveBack(String username) {
        store.write(em -> Statements.update(em, "UPDATE PARKIR_USER SET FAILED_LOGINS = FAILED_LOGINS - 1"
                + " WHERE USERNAME = ? AND FAILED_LOGINS > 0", username));
    }

    /** A right password outside a login (a password change): the count starts again. */
    void cleared(String username) {
        store.write(em -> Statements.update(em, "UPDATE PARKIR_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL"
                + " WHERE USERNAME = ?", username));
    }

    /** The password was right: the count starts again. */
    void succeeded(String username, long now) {
        store.write(em -> Statements.update(em, "UPDATE PARKIR_USER SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL,"
                + " LAST_LOGIN_AT = ? WHERE USERNAME = ?", now, username));
    }

    /** What a wrong password left: failures counted so far, and whether this one locked the account. */
    record Failure(int inARow, boolean locked) {
    }

    /**
     * The password was wrong (its attempt stays counted). At the limit the account is locked and
     * its tokens revoked, in one transaction.
     */
    Failure failed(String username, long now) {
        return store.write(em -> {
            Number count = (Number) Statements.single(em, "SELECT FAILED_LOGINS FROM PARKIR_USER WHERE USERNAME = ?", username);
            int inARow = count == null ? 0 : count.intValue();
            boolean locked = inARow >= maxFailures;
            if (locked) {
                Statements.update(em, "DELETE FROM PARKIR_TOKEN WHERE USERNAME = ?", username);
            }
            return new Failure(inARow, locked);
        });
    }

    /**
     * Whether a refused attempt on a locked account goes in the activity log: once a minute per
     * account and server, so that a flood of refusals (which cost no password hashing) cannot push
     * everything else out of the log.
     */
    boolean worthLogging(String username, long now) {
        if (refusalsLogged.size() > 10_000) {
            refusalsLogged.clear();
        }
        Long last = refusalsLogged.get(username);
        if (last != null && now - last < 60_000) {
            return false;
        }
        refusalsLogged.put(username, now);
        return true;
    }

    int maxFailures() {
        return maxFailures;
    }

    long lockMinutes() {
        return Duration.ofMillis(lockMillis).toMinutes();
    }
}

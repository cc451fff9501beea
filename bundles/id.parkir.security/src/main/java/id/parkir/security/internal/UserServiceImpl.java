package id.parkir.security.internal;

import id.parkir.api.Text;
import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.security.ActivityEntry;
import id.parkir.api.security.LoginResult;
import id.parkir.api.security.NewUser;
import id.parkir.api.security.UserService;
import id.parkir.api.security.UserUpdate;
import id.parkir.api.security.UserView;
import id.parkir.store.jpa.ActivityEntity;
import id.parkir.store.jpa.AuthTokenEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
import id.parkir.store.jpa.StoreConflict;
import id.parkir.store.jpa.UserEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and logins in the Parkir database. */
@Component(service = UserService.class, configurationPid = "id.parkir.security")
@Designate(ocd = SecurityConfig.class)
public class UserServiceImpl implements UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INITIAL_ADMIN = "admin";

    private final ParkirStore store;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SecurityConfig config;
    /** Hashed once so that an unknown username costs as much as a wrong password. */
    private final String dummyHash;
    private final LoginAttempts attempts;

    @Activate
    public UserServiceImpl(@Reference ParkirStore store, SecurityConfig config) {
        this.store = store;
        this.config = config;
        this.hasher = new PasswordHasher(config.password_iterations());
        this.policy = new PasswordPolicy(config.password_minLength(), config.password_requireLetterAndDigit());
        this.dummyHash = hasher.hash("no such user");
        this.attempts = new LoginAttempts(store, config.lockout_maxFailures(), config.lockout_minutes());
        createInitialAdmin();
    }

    private void createInitialAdmin() {
        try {
            writeInitialAdmin();
        } catch (StoreConflict sameMomentElsewhere) {
            // another server sharing the database created it while this one was starting
            LOG.info("The initial 'admin' account was created by another server");
        }
    }

    private void writeInitialAdmin() {
        store.write(em -> {
            long users = em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult();
            if (users == 0) {
                UserEntity admin = newUser(INITIAL_ADMIN, "Administrator", Role.ADMIN, config.admin_initialPassword());
                em.persist(admin);
                em.persist(ActivityEntity.of(INITIAL_ADMIN, "USER_CREATED", "initial admin account (must change password)"));
                LOG.info("Created the initial 'admin' account; its password must be changed at first login");
            }
            return null;
        });
    }

    private UserEntity newUser(String username, String fullName, Role role, String password) {
        UserEntity u = new UserEntity();
        u.setUsername(username);
        u.setFullName(fullName);
        u.setRole(role.code());
        u.setActive(true);
        u.setPasswordHash(hasher.hash(password));
        u.setMustChangePassword(true);
        u.setCreatedAt(System.currentTimeMillis());
        u.setPasswordChangedAt(System.currentTimeMillis());
        return u;
    }

    @Override
    public LoginResult login(String username, String password, String remoteAddress) {
        UserEntity user = checkPassword(username, password, "api " + (remoteAddress == null ? "" : remoteAddress));
        String token = newToken();
        Instant expires = Instant.now().plus(Duration.ofHours(config.token_hours()));
        store.write(em -> {
            em.createQuery("DELETE FROM AuthTokenEntity t WHERE t.expiresAt < :now")
                    .setParameter("now", System.currentTimeMillis()).executeUpdate();
            AuthTokenEntity t = new AuthTokenEntity();
            t.setTokenHash(sha256(token));
            t.setUsername(user.getUsername());
            t.setCreatedAt(System.currentTimeMillis());
            t.setExpiresAt(expires.toEpochMilli());
            em.persist(t);
            return null;
        });
        return new LoginResult(token, user.getUsername(), user.getRole(), user.isMustChangePassword(), expires);
    }

    /**
     * Verifies a password. The attempt is counted in the database before the password is tested
     * ({@link LoginAttempts}), so the lock-out holds whatever the concurrency; each outcome is in
     * the activity log.
     */
    private UserEntity checkPassword(String rawUsername, String password, String channel) {
        if (rawUsername == null || password == null || rawUsername.isBlank() || password.isEmpty()) {
            throw new ParkirException(ParkirException.Kind.INVALID, "credentials_missing", "username and password are required");
        }
        String username = rawUsername.trim().toLowerCase(Locale.ROOT);
        if (username.length() > 64 || password.length() > 1024) {
            throw wrongCredentials();
        }
        UserEntity user = store.read(em -> em.find(UserEntity.class, username));
        long now = System.currentTimeMillis();
        if (user == null) {
            hasher.verify(password, dummyHash);
            logActivity(username, "LOGIN_FAILED", "unknown user via " + channel);
            throw wrongCredentials();
        }
        if (!attempts.take(username, now)) {
            UserEntity current = store.read(em -> em.find(UserEntity.class, username));
            Long until = current == null ? null : current.getLockedUntil();
            if (attempts.worthLogging(username, now)) {
                logActivity(username, "LOGIN_REFUSED", "account locked or too many attempts at once, via " + channel
                        + " (further refusals within a minute are not logged)");
            }
            throw new ParkirException(ParkirException.Kind.LOCKED, "account_locked",
                    "account is locked after too many failed logins; try again" + (until == null ? " shortly"
                            : " after " + Instant.ofEpochMilli(until)));
        }
        boolean ok = hasher.verify(password, user.getPasswordHash());
        if (ok && !user.isActive()) {
            attempts.giveBack(username);
            logActivity(username, "LOGIN_REFUSED", "account disabled, via " + channel);
            throw new ParkirException(ParkirException.Kind.UNAUTHENTICATED, "account_disabled", "account is disabled");
        }
        if (ok) {
            attempts.succeeded(username, now);
            logActivity(username, "LOGIN", "via " + channel);
            return user;
        }
        LoginAttempts.Failure failure = attempts.failed(username, now);
        String detail = "wrong password via " + channel + " (" + failure.inARow() + " in a row)";
        if (failure.locked()) {
            detail += "; locked for " + attempts.lockMinutes() + " minutes, its sessions ended";
            LOG.warn("Account {} locked after {} failed logins", username, attempts.maxFailures());
        }
        logActivity(username, "LOGIN_FAILED", detail);
        return failLogin();
    }

    private static UserEntity failLogin() {
        throw wrongCredentials();
    }

    private static ParkirException wrongCredentials() {
        return new ParkirException(ParkirException.Kind.UNAUTHENTICATED, "login_failed", "wrong username or password");
    }

    @Override
    public void logout(String token) {
        store.write(em -> em.createQuery("DELETE FROM AuthTokenEntity t WHERE t.tokenHash = :h")
                .setParameter("h", sha256(token)).executeUpdate());
    }

    @Override
    public Optional<Actor> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        // one indexed query per request: the token (primary key), unexpired, of an active user
        return store.read(em -> em.createQuery("SELECT u FROM AuthTokenEntity t, UserEntity u WHERE t.tokenHash = :h"
                        + " AND t.expiresAt >= :now AND u.username = t.username AND u.active = TRUE"
                        + " AND (u.lockedUntil IS NULL OR u.lockedUntil < :now)", UserEntity.class)
                .setParameter("h", hash).setParameter("now", System.currentTimeMillis()).getResultList().stream()
                .findFirst().map(UserServiceImpl::toActor));
    }

    @Override
    public Optional<Actor> verifyPassword(String username, String password, String channel) {
        try {
            UserEntity u = checkPassword(username, password, channel);
            return u.isMustChangePassword() ? Optional.empty() : Optional.of(toActor(u));
        } catch (ParkirException e) {
            return Optional.empty();
        }
    }

    private static Actor toActor(UserEntity u) {
        return new Actor(u.getUsername(), Role.parse(u.getRole()), u.isMustChangePassword());
    }

    @Override
    public void changePassword(Actor actor, String currentToken, String oldPassword, String newPassword) {
        if (oldPassword == null || newPassword == null) {
            throw ParkirException.invalid("password_missing", "oldPassword and newPassword are required");
        }
        policy.check(actor.username(), newPassword);
        if (newPassword.equals(oldPassword)) {
            throw ParkirException.invalid("password_unchanged", "the new password must differ from the old one");
        }
        // the old password is a password guess like a login's: it counts towards the lock-out
        long now = System.currentTimeMillis();
        UserEntity current = store.read(em -> requireUser(em, actor.username()));
        if (!attempts.take(actor.username(), now)) {
            throw new ParkirException(ParkirException.Kind.LOCKED, "account_locked",
                    "account is locked after too many wrong passwords; try again later");
        }
        if (!hasher.verify(oldPassword, current.getPasswordHash())) {
            LoginAttempts.Failure failure = attempts.failed(actor.username(), now);
            logActivity(actor.username(), "PASSWORD_CHANGE_FAILED", "wrong old password (" + failure.inARow() + " in a row)"
                    + (failure.locked() ? "; locked, its sessions ended" : ""));
            throw ParkirException.forbidden("password_wrong", "the old password is wrong");
        }
        attempts.cleared(actor.username());
        String newHash = hasher.hash(newPassword);
        store.write(em -> {
            UserEntity u = requireUser(em, actor.username());
            u.setPasswordHash(newHash);
            u.setMustChangePassword(false);
            u.setPasswordChangedAt(System.currentTimeMillis());
            // every other session of the user ends: whoever knew the old password is logged out
            int ended = Statements.update(em, "DELETE FROM PARKIR_TOKEN WHERE USERNAME = ? AND TOKEN_HASH <> ?",
                    actor.username(), currentToken == null ? "" : sha256(currentToken));
            em.persist(ActivityEntity.of(actor.username(), "PASSWORD_CHANGED", "by the user; " + ended + " other session(s) ended"));
            return null;
        });
    }

    @Override
    public List<UserView> list() {
        return store.read(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.username", UserEntity.class)
                .getResultList().stream().map(UserServiceImpl::view).toList());
    }

    @Override
    public UserView get(String username) {
        return store.read(em -> view(requireUser(em, normalise(username))));
    }

    @Override
    public UserView create(Actor by, NewUser user) {
        requireAdmin(by);
        if (user == null || user.username() == null) {
            throw ParkirException.invalid("username_missing", "username is required");
        }
        String username = user.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ParkirException.invalid("username_invalid",
                    "username must be 3-32 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        Role role = Role.parse(user.role());
        policy.check(username, user.password());
        String fullName = checkFullName(user.fullName());
        return store.write(em -> {
            if (em.find(UserEntity.class, username) != null) {
                throw ParkirException.conflict("user_exists", "user '" + username + "' already exists");
            }
            UserEntity u = newUser(username, fullName, role, user.password());
            em.persist(u);
            em.persist(ActivityEntity.of(by.username(), "USER_CREATED", username + " as " + role.code()));
            return view(u);
        });
    }

    private static String checkFullName(String fullName) {
        return Text.optional("fullName", fullName, 128);
    }

    @Override
    public UserView update(Actor by, String username, UserUpdate update) {
        requireAdmin(by);
        Role role = update.role() == null ? null : Role.parse(update.role());
        String fullName = checkFullName(update.fullName());
        return store.write(em -> {
            UserEntity u = requireUser(em, normalise(username));
            boolean losesAdmin = Role.ADMIN.code().equals(u.getRole()) && u.isActive()
                    && ((role != null && role != Role.ADMIN) || Boolean.FALSE.equals(update.active()));
            if (losesAdmin && activeAdmins(em) <= 1) {
                throw ParkirException.conflict("last_admin", "cannot disable or demote the last active admin");
            }
            StringBuilder changes = new StringBuilder(u.getUsername());
            if (role != null) {
                u.setRole(role.code());
                changes.append(" role=").append(role.code());
            }
            if (fullName != null) {
                u.setFullName(fullName);
                changes.append(" fullName");
            }
            if (update.active() != null) {
                u.setActive(update.active());
                changes.append(" active=").append(update.active());
                if (!update.active()) {
                    revokeTokens(em, u.getUsername());
                } else {
                    u.setLockedUntil(null);
                    u.setFailedLogins(0);
                }
            }
            em.persist(ActivityEntity.of(by.username(), "USER_UPDATED", changes.toString()));
            return view(u);
        });
    }

    @Override
    public void resetPassword(Actor by, String username, String newPassword) {
        requireAdmin(by);
        String name = normalise(username);
        policy.check(name, newPassword);
        store.write(em -> {
            UserEntity u = requireUser(em, name);
            u.setPasswordHash(hasher.hash(newPassword));
            u.setMustChangePassword(true);
            u.setLockedUntil(null);
            u.setFailedLogins(0);
            u.setPasswordChangedAt(System.currentTimeMillis());
            revokeTokens(em, name);
            em.persist(ActivityEntity.of(by.username(), "PASSWORD_RESET", name));
            return null;
        });
    }

    @Override
    public List<ActivityEntry> activity(int limit) {
        int n = Math.max(1, Math.min(limit, 1000));
        return store.read(em -> em.createQuery("SELECT a FROM ActivityEntity a ORDER BY a.id DESC", ActivityEntity.class)
                .setMaxResults(n).getResultList().stream()
                .map(a -> new ActivityEntry(Instant.ofEpochMilli(a.getAt()), a.getUsername(), a.getEvent(), a.getDetail()))
                .toList());
    }

    /** A stretch of the (EVENT, AT_MILLIS) index: the cost follows the matches, not the log's length. */
    @Override
    public long countActivity(String action, Instant since) {
        return store.read(em -> ((Number) Statements.single(em, "SELECT COUNT(*) FROM PARKIR_ACTIVITY WHERE EVENT = ?"
                + " AND AT_MILLIS >= ?", action, since.toEpochMilli())).longValue());
    }

    @Override
    public void logActivity(String username, String action, String detail) {
        store.write(em -> {
            em.persist(ActivityEntity.of(username, action, detail));
            return null;
        });
    }

    private static long activeAdmins(EntityManager em) {
        return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.role = :r AND u.active = TRUE", Long.class)
                .setParameter("r", Role.ADMIN.code()).getSingleResult();
    }

    private static void revokeTokens(EntityManager em, String username) {
        em.createQuery("DELETE FROM AuthTokenEntity t WHERE t.username = :u").setParameter("u", username).executeUpdate();
    }

    private static void requireAdmin(Actor by) {
        if (by == null || !by.isAdmin()) {
            throw ParkirException.forbidden("admin_required", "only admins may manage users");
        }
    }

    private static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static UserEntity requireUser(EntityManager em, String username) {
        UserEntity u = em.find(UserEntity.class, username);
        if (u == null) {
            throw ParkirException.notFound("user_not_found", "no user '" + username + "'");
        }
        return u;
    }

    private static UserView view(UserEntity u) {
        boolean locked = u.getLockedUntil() != null && u.getLockedUntil() > System.currentTimeMillis();
        return new UserView(u.getUsername(), u.getFullName(), u.getRole(), u.isActive(), u.isMustChangePassword(), locked,
                Instant.ofEpochMilli(u.getCreatedAt()),
                u.getLastLoginAt() == null ? null : Instant.ofEpochMilli(u.getLastLoginAt()));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

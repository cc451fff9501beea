package id.parkir.rest.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Short-lived links for what a browser loads by address ({@code <video>}, {@code <img>}), which
 * cannot send the bearer header: the link's random id is the permission, bound to one thing (a
 * camera's window of footage, a camera's live view), so the user's token never appears in an
 * address, a history or a log. An id is 128 bits from {@link SecureRandom}, found by map lookup;
 * it must be opened within its time and at most its number of times, never by two viewers at once.
 * Links live in memory: a restart ends them.
 */
@Component(service = Links.class)
public class Links {
    /** More links outstanding than this (each lives seconds) means someone is making them in a loop. */
    static final int MAX_OUTSTANDING = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /** What a link grants, to whom it was given, until when it may be opened, and how often still. */
    static final class Grant {
        final String id;
        final String kind;
        final Object what;
        final Actor actor;
        final Instant expiresAt;
        private int usesLeft;
        private boolean inUse;

        Grant(String id, String kind, Object what, Actor actor, Instant expiresAt, int uses) {
            this.id = id;
            this.kind = kind;
            this.what = what;
            this.actor = actor;
            this.expiresAt = expiresAt;
            this.usesLeft = uses;
        }
    }

    /** A new link to {@code what}; answers its grant (whose id goes in the address). */
    Grant issue(String kind, Object what, Actor actor, Duration openWithin, int uses) {
        Instant now = Instant.now();
        grants.values().removeIf(g -> !now.isBefore(g.expiresAt));
        if (grants.size() >= MAX_OUTSTANDING) {
            throw ParkirException.unavailable("too_many_links", "too many links are open; try again in a minute");
        }
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Grant g = new Grant(id, kind, what, actor, now.plus(openWithin), uses);
        grants.put(id, g);
        return g;
    }

    /** Opens a link: its grant if it is of this kind, not expired, not used up and not open now. */
    Optional<Grant> open(String kind, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Grant g = grants.get(id);
        if (g == null || !g.kind.equals(kind)) {
            return Optional.empty();
        }
        synchronized (g) {
            if (!Instant.now().isBefore(g.expiresAt) || g.usesLeft <= 0 || g.inUse) {
                return Optional.empty();
            }
            g.usesLeft--;
            g.inUse = true;
        }
        return Optional.of(g);
    }

    /** The viewer is done; a link used up is forgotten at once. */
    void close(Grant g) {
        synchronized (g) {
            g.inUse = false;
            if (g.usesLeft <= 0) {
                grants.remove(g.id, g);
            }
        }
    }

    /** An opening that did not stream (e.g. the server was busy) does not count. */
    void giveBack(Grant g) {
        synchronized (g) {
            g.usesLeft++;
            g.inUse = false;
        }
    }

    static ParkirException notFound(String code) {
        return ParkirException.notFound(code, "this link is unknown, expired or already used; ask for a new one");
    }
}

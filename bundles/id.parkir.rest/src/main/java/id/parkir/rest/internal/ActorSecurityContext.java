package id.parkir.rest.internal;

import id.parkir.api.Actor;
import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** Carries the authenticated {@link Actor}, and the address the request came from, from the filter to the resources. */
final class ActorSecurityContext implements SecurityContext {
    private final Actor actor;
    private final boolean secure;
    private final String origin;

    ActorSecurityContext(Actor actor, boolean secure, String origin) {
        this.actor = actor.from(origin);
        this.secure = secure;
        this.origin = origin;
    }

    static Actor actor(SecurityContext context) {
        return ((ActorSecurityContext) context).actor;
    }

    /** The client's address as the server saw it (the proxy's, behind a reverse proxy). */
    static String origin(SecurityContext context) {
        return ((ActorSecurityContext) context).origin;
    }

    @Override
    public Principal getUserPrincipal() {
        return actor::username;
    }

    @Override
    public boolean isUserInRole(String role) {
        return actor.role().code().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}

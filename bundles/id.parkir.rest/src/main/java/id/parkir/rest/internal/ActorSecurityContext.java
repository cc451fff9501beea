package id.parkir.rest.internal;

import id.parkir.api.Actor;
import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** Carries the authenticated {@link Actor} from the filter to the resources. */
final class ActorSecurityContext implements SecurityContext {
    private final Actor actor;
    private final boolean secure;

    ActorSecurityContext(Actor actor, boolean secure) {
        this.actor = actor;
        this.secure = secure;
    }

    static Actor actor(SecurityContext context) {
        return ((ActorSecurityContext) context).actor;
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

package id.parkir.rest.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.security.UserService;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Every /api call but login needs {@code Authorization: Bearer <token>} (401 without) and a role
 * the method's {@link Access} allows (403 otherwise). An account that must change its password
 * may only change it, see who it is, or log out.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(ParkirApplication.SELECT)
public class AuthFilter implements ContainerRequestFilter {
    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest http;

    @Reference
    private UserService users;

    @Override
    public void filter(ContainerRequestContext request) {
        Access access = access();
        if (access != null && access.anonymous()) {
            return;
        }
        Optional<String> token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty() && access != null && access.tokenInQuery()) {
            token = Optional.ofNullable(request.getUriInfo().getQueryParameters().getFirst("access_token"));
        }
        Actor actor = token.flatMap(users::authenticate)
                .orElseThrow(() -> new ParkirException(ParkirException.Kind.UNAUTHENTICATED, "unauthenticated",
                        "log in first: send Authorization: Bearer <token> from POST /api/auth/login"));
        if (actor.mustChangePassword() && (access == null || !access.beforePasswordChange())) {
            throw ParkirException.forbidden("password_change_required",
                    "this account must change its password first: POST /api/auth/password");
        }
        boolean allowed = access == null ? actor.isAdmin() : Arrays.asList(access.value()).contains(actor.role());
        if (!allowed) {
            throw ParkirException.forbidden("forbidden", "role " + actor.role().code() + " may not do this");
        }
        request.setSecurityContext(new ActorSecurityContext(actor, request.getSecurityContext().isSecure(),
                http == null ? "unknown" : http.getRemoteAddr()));
    }

    private Access access() {
        Method m = resourceInfo.getResourceMethod();
        if (m == null) {
            return null;
        }
        Access a = m.getAnnotation(Access.class);
        return a != null ? a : resourceInfo.getResourceClass().getAnnotation(Access.class);
    }

    /** The token of an {@code Authorization: Bearer <token>} header. */
    static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}

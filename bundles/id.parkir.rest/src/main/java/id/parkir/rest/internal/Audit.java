package id.parkir.rest.internal;

import id.parkir.api.nvr.CameraView;
import id.parkir.api.security.UserService;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The activity log entry of an administrative action taken over the API: who (the
 * authenticated user), what, and from which address. The user store adds when.
 */
@Component(service = Audit.class)
public class Audit {
    @Reference
    private UserService users;

    /**
     * A camera as the log names it: id and host only. Some cameras take their credentials in the
     * path or query of the address ({@code ...?user=admin&pwd=...}), which the log must not keep.
     */
    static String camera(CameraView c) {
        String host;
        try {
            host = java.net.URI.create(c.url()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return c.id() + " (host " + (host == null ? "?" : host) + ")";
    }

    void record(SecurityContext sc, String event, String detail) {
        users.logActivity(ActorSecurityContext.actor(sc).username(), event,
                detail + " (from " + ActorSecurityContext.origin(sc) + ")");
    }
}

package id.parkir.rest.internal;

import java.util.LinkedHashMap;
import id.parkir.api.backup.BackupService;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Readiness for load balancers, watchdogs and tests: {@code GET /api/health} (no token) answers
 * 200 {@code {"status":"up","version":...}} once every Parkir component (every DS component of
 * an {@code id.parkir.*} bundle) is active or ready, else 503 {@code {"status":"starting"}}, and
 * 503 {@code {"status":"restoring"}} while a restore has the data closed.
 * It tells nothing else: which part is missing is for the admin's log.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private static final String VERSION = FrameworkUtil.getBundle(HealthResource.class) == null ? "unknown"
            : FrameworkUtil.getBundle(HealthResource.class).getVersion().toString();

    @Reference
    private ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackupService backups;

    @GET
    @Access(anonymous = true)
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        BackupService b = backups;
        if (b != null && b.restoreInProgress()) {
            // a load balancer takes this server out while a restore has its data closed
            body.put("status", "restoring");
            body.put("version", VERSION);
            return Response.status(503).header("Retry-After", RestoreGuard.RETRY_AFTER_SECONDS).entity(body).build();
        }
        boolean up = allParkirComponentsUp();
        body.put("status", up ? "up" : "starting");
        body.put("version", VERSION);
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private boolean allParkirComponentsUp() {
        // a stopped Parkir bundle has no components left to look at: it counts as down
        for (Bundle b : FrameworkUtil.getBundle(HealthResource.class).getBundleContext().getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null; // attached, never "active"
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("id.parkir.") && !fragment
                    && b.getState() != Bundle.ACTIVE) {
                return false;
            }
        }
        int seen = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!d.bundle.symbolicName.startsWith("id.parkir.") || !d.defaultEnabled) {
                continue;
            }
            seen++;
            var configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                return false; // waiting for its configuration
            }
            for (ComponentConfigurationDTO c : configurations) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    return false;
                }
            }
        }
        return seen > 0;
    }
}

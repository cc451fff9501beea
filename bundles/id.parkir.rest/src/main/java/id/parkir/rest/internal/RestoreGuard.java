package id.parkir.rest.internal;

import id.parkir.api.backup.BackupService;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * While a restore replaces the data, every state-changing call (anything but GET and HEAD) is
 * answered {@code 503 restore_in_progress} with {@code Retry-After}, before it is even matched: also
 * those that keep their state outside the database (cameras, the tariff, recording). The database
 * itself refuses every read and write meanwhile (the store's gate), so a GET that needs it gets the
 * same answer.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@PreMatching
public class RestoreGuard implements ContainerRequestFilter {
    static final String RETRY_AFTER_SECONDS = "10";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackupService backups;

    @Override
    public void filter(ContainerRequestContext request) {
        BackupService b = backups;
        String method = request.getMethod();
        if (b != null && !"GET".equals(method) && !"HEAD".equals(method) && b.restoreInProgress()) {
            request.abortWith(Response.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorMapper.body("restore_in_progress",
                            "the server is restoring its data from a backup and accepts no changes meanwhile: try again in a"
                                    + " minute")).build());
        }
    }
}

package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.nvr.CameraStatus;
import id.parkir.api.nvr.Recorder;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Recording control, for admins. */
@Component(service = NvrResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("nvr")
@Produces(MediaType.APPLICATION_JSON)
public class NvrResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Recorder recorder;

    private Recorder recorder() {
        return installed(recorder);
    }

    /** A service of the NVR feature, or 503 while the feature is not installed. */
    static <T> T installed(T service) {
        if (service == null) {
            throw ParkirException.unavailable("nvr_unavailable", "the NVR (feature parkir-nvr) is not installed");
        }
        return service;
    }

    @POST
    @Path("start")
    public Map<String, Object> start(@QueryParam("camera") String camera, @QueryParam("totalSeconds") Long totalSeconds) {
        return Map.of("recording", recorder().start(camera, totalSeconds == null ? 0 : totalSeconds));
    }

    @POST
    @Path("stop")
    public Map<String, Object> stop(@QueryParam("camera") String camera) {
        return Map.of("stopped", recorder().stop(camera));
    }

    @GET
    @Path("status")
    public Map<String, Object> status() {
        Recorder r = recorder();
        List<CameraStatus> cameras = r.status();
        return Map.of("cameras", cameras, "storage", r.storage());
    }

    @POST
    @Path("cleanup")
    public Recorder.CleanupResult cleanup() {
        return recorder().cleanup();
    }

}

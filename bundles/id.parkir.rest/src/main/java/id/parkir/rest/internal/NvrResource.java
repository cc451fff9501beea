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
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;
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
    @Reference
    private Audit audit;

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
    public Map<String, Object> start(@QueryParam("camera") String camera, @QueryParam("totalSeconds") String totalSeconds,
                                     @Context SecurityContext sc) {
        // 0 = until stopped; at most a week for a timed run
        int seconds = QueryParams.integer("totalSeconds", totalSeconds, 0, 0, 604_800);
        List<String> recording = recorder().start(camera, seconds);
        audit.record(sc, "RECORDING_STARTED", (camera == null ? "all cameras" : "camera " + camera)
                + (seconds > 0 ? " for " + seconds + " s" : ""));
        return Map.of("recording", recording);
    }

    @POST
    @Path("stop")
    public Map<String, Object> stop(@QueryParam("camera") String camera, @Context SecurityContext sc) {
        Object stopped = recorder().stop(camera);
        audit.record(sc, "RECORDING_STOPPED", camera == null ? "all cameras" : "camera " + camera);
        return Map.of("stopped", stopped);
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
    public Recorder.CleanupResult cleanup(@Context SecurityContext sc) {
        Recorder.CleanupResult result = recorder().cleanup();
        audit.record(sc, "RECORDINGS_CLEANED", String.valueOf(result));
        return result;
    }

}

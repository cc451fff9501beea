package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.nvr.CameraDriver;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.CameraSpec;
import id.parkir.api.nvr.CameraView;
import id.parkir.api.nvr.Recorder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The site's cameras: admins manage them; operators see them, their snapshots and live view. */
@Component(service = CameraResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("cameras")
@Produces(MediaType.APPLICATION_JSON)
public class CameraResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CameraService cameras;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Recorder recorder;

    private final List<CameraDriver> drivers = new CopyOnWriteArrayList<>();

    @Reference
    private Audit audit;

    @Reference
    private Links links;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(CameraDriver driver) {
        drivers.add(driver);
    }

    void unbindDriver(CameraDriver driver) {
        drivers.remove(driver);
    }

    @GET
    @Access({Role.ADMIN, Role.OPERATOR})
    public List<CameraView> list() {
        return NvrResource.installed(cameras).list();
    }

    @GET
    @Path("{id}")
    @Access({Role.ADMIN, Role.OPERATOR})
    public CameraView get(@PathParam("id") String id) {
        return NvrResource.installed(cameras).get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(CameraSpec spec, @Context SecurityContext sc) {
        CameraView added = NvrResource.installed(cameras).add(spec);
        audit.record(sc, "CAMERA_ADDED", Audit.camera(added));
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CameraView update(@PathParam("id") String id, CameraSpec spec, @Context SecurityContext sc) {
        CameraView updated = NvrResource.installed(cameras).update(id, spec);
        audit.record(sc, "CAMERA_UPDATED", Audit.camera(updated)
                + (spec != null && spec.password() != null ? " (new password)" : ""));
        return updated;
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @Context SecurityContext sc) {
        CameraService c = NvrResource.installed(cameras);
        c.get(id);
        Recorder r = recorder;
        if (r != null) {
            r.stop(id);
        }
        c.remove(id);
        audit.record(sc, "CAMERA_REMOVED", id);
        return Response.noContent().build();
    }

    private CameraDriver driver(String url) {
        return drivers.stream().filter(d -> d.handles(url)).findFirst().orElseThrow(
                () -> ParkirException.unavailable("camera_driver_missing", "no camera driver is installed for this camera's address"));
    }

    /** One JPEG frame, fresh from the camera (also what the gates send to ANPR). */
    @GET
    @Path("{id}/snapshot")
    @Produces("image/jpeg")
    @Access(value = {Role.ADMIN, Role.OPERATOR}, tokenInQuery = true)
    public Response snapshot(@PathParam("id") String id) {
        String url = NvrResource.installed(cameras).streamUrl(id);
        byte[] jpeg = driver(url).snapshot(url, Duration.ofSeconds(15));
        return Response.ok(jpeg, "image/jpeg").header("Cache-Control", "no-store").build();
    }

    /** Live view: MJPEG ({@code multipart/x-mixed-replace}), which a browser shows in an {@code <img>}. */
    @GET
    @Path("{id}/live")
    @Produces("multipart/x-mixed-replace")
    @Access(value = {Role.ADMIN, Role.OPERATOR}, tokenInQuery = true)
    public Response live(@PathParam("id") String id, @QueryParam("width") String widthText, @QueryParam("fps") String fpsText) {
        return Response.ok(liveView(id, widthText, fpsText, () -> { }), "multipart/x-mixed-replace; boundary=parkirframe")
                .header("Cache-Control", "no-store").build();
    }

    /** The live view's frames; {@code ended} runs when the stream is over. */
    StreamingOutput liveView(String id, String widthText, String fpsText, Runnable ended) {
        int width = QueryParams.integer("width", widthText, 960, 160, 1920);
        int fps = QueryParams.integer("fps", fpsText, 5, 1, 25);
        String url = NvrResource.installed(cameras).streamUrl(id);
        CameraDriver d = driver(url);
        return out -> {
            try (CameraDriver.LiveView view = d.liveView(url, width, fps, out)) {
                view.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended.run();
            }
        };
    }

    /**
     * A link to the live view for an {@code <img>}, so the token stays out of the address: one
     * viewer, who must start within {@value LiveResource#OPEN_WITHIN_SECONDS} s, for as long as he stays.
     */
    @POST
    @Path("{id}/live-link")
    @Access({Role.ADMIN, Role.OPERATOR})
    public Response liveLink(@PathParam("id") String id, @QueryParam("width") String widthText, @QueryParam("fps") String fpsText,
                             @Context SecurityContext sc) {
        int width = QueryParams.integer("width", widthText, 640, 160, 1920);
        int fps = QueryParams.integer("fps", fpsText, 5, 1, 25);
        String camera = NvrResource.installed(cameras).get(id).id();
        Links.Grant g = links.issue(LiveResource.KIND, camera, ActorSecurityContext.actor(sc),
                Duration.ofSeconds(LiveResource.OPEN_WITHIN_SECONDS), 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "/api/live/" + g.id + "?width=" + width + "&fps=" + fps);
        body.put("expiresAt", g.expiresAt);
        body.put("camera", camera);
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}

package id.parkir.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** A camera's live view through a link from {@code POST /api/cameras/{id}/live-link}: the link is the permission. */
@Component(service = LiveResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("live")
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {
    static final String KIND = "live";
    static final int OPEN_WITHIN_SECONDS = 30;

    @Reference
    private Links links;

    @Reference
    private CameraResource cameras;

    @GET
    @Path("{id}")
    @Produces("multipart/x-mixed-replace")
    @Access(anonymous = true)
    public Response live(@PathParam("id") String id, @QueryParam("width") String widthText, @QueryParam("fps") String fpsText) {
        Links.Grant g = links.open(KIND, id).orElseThrow(() -> Links.notFound("live_link_not_found"));
        StreamingOutput body;
        try {
            body = cameras.liveView((String) g.what, widthText, fpsText, () -> links.close(g));
        } catch (RuntimeException e) {
            links.giveBack(g);
            throw e;
        }
        return Response.ok(body, "multipart/x-mixed-replace; boundary=parkirframe").build();
    }

    /** JAX-RS would answer HEAD with the GET, using up the link for no viewer. */
    @HEAD
    @Path("{id}")
    @Access(anonymous = true)
    public Response head() {
        return Response.status(405).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorMapper.body("method_not_allowed", "Method Not Allowed")).build();
    }
}

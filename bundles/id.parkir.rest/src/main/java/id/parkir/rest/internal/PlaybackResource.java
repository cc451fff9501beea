package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.nvr.FootagePlayer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded footage for a browser's {@code <video>}: an admin asks for a camera's window and gets
 * a short-lived link (no token in the address) that streams it as fragmented MP4, remuxed as it
 * is sent. A link must be opened within {@value #OPEN_WITHIN_SECONDS} s, at most
 * {@value #USES} times (a player may ask again, e.g. to replay), by one viewer at a time.
 */
@Component(service = PlaybackResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("playback")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybackResource {
    static final String KIND = "playback";
    static final int OPEN_WITHIN_SECONDS = 60;
    static final int USES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PlaybackResource.class);

    @Reference
    private Audit audit;

    @Reference
    private Links links;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FootagePlayer player;

    /** The body of a request for footage. */
    record Window(String camera, String from, String to) {
    }

    /** Admins only (no {@link Access}): footage of people and their cars. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Window window, @Context SecurityContext sc) {
        Instant from = instant("from", window.from());
        Instant to = instant("to", window.to());
        FootagePlayer.Clip clip = NvrResource.installed(player).find(window.camera(), from, to);
        Links.Grant g = links.issue(KIND, clip, ActorSecurityContext.actor(sc), Duration.ofSeconds(OPEN_WITHIN_SECONDS), USES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "/api/playback/" + g.id);
        body.put("expiresAt", g.expiresAt);
        body.put("camera", clip.camera());
        body.put("start", clip.start());
        body.put("end", clip.end());
        body.put("contentType", "video/mp4");
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    /** The footage as fragmented MP4, as ffmpeg writes it; the link is the permission. */
    @GET
    @Path("{id}")
    @Produces("video/mp4")
    @Access(anonymous = true)
    public Response play(@PathParam("id") String id, @Context HttpServletRequest http) {
        Links.Grant g = links.open(KIND, id).orElseThrow(() -> Links.notFound("playback_not_found"));
        FootagePlayer.Clip clip = (FootagePlayer.Clip) g.what;
        FootagePlayer.Stream stream;
        try {
            stream = NvrResource.installed(player).open(clip);
        } catch (RuntimeException e) {
            links.giveBack(g);
            throw e;
        }
        // who watched: the admin the link was given to, from where it was opened
        audit.record(new ActorSecurityContext(g.actor, http.isSecure(), http.getRemoteAddr()), "RECORDING_PLAYED",
                "camera " + clip.camera() + " " + clip.start() + " to " + clip.end());
        StreamingOutput body = out -> {
            try (stream) {
                stream.writeTo(out);
            } catch (IOException viewerLeft) {
                LOG.debug("Playback of {} ended early: {}", clip.camera(), viewerLeft.getMessage());
            } finally {
                links.close(g);
            }
        };
        return Response.ok(body, stream.contentType()).header("Accept-Ranges", "none").build();
    }

    /** JAX-RS would answer HEAD with the GET, opening a link and a process for no viewer. */
    @HEAD
    @Path("{id}")
    @Access(anonymous = true)
    public Response head() {
        return Response.status(405).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorMapper.body("method_not_allowed", "Method Not Allowed")).build();
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw ParkirException.invalid("window_invalid", "give camera, from and to (ISO-8601 instants)");
        }
        Instant at;
        try {
            at = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw ParkirException.invalid("window_invalid", name + " must be an ISO-8601 instant, e.g. 2026-11-22T08:15:00Z");
        }
        if (at.isBefore(QueryParams.FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                || at.isAfter(QueryParams.LAST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw ParkirException.invalid("window_invalid", name + " must lie between " + QueryParams.FIRST_DAY + " and "
                    + QueryParams.LAST_DAY);
        }
        return at;
    }
}

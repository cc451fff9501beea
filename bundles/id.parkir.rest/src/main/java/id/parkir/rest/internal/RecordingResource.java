package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.nvr.Recorder;
import id.parkir.api.nvr.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

/** Playback of the recorded segments, for admins. */
@Component(service = RecordingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("recordings")
@Produces(MediaType.APPLICATION_JSON)
public class RecordingResource {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Reference
    private Audit audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Recorder recorder;

    private Recorder recorder() {
        return NvrResource.installed(recorder);
    }

    @GET
    public List<Segment> segments(@QueryParam("camera") String camera, @QueryParam("from") String from, @QueryParam("to") String to) {
        return recorder().segments(blankToNull(camera), instant("from", from), instant("to", to));
    }

    /** The segment with the footage of a moment, e.g. a parking session's entry time. */
    @GET
    @Path("at")
    public Segment at(@QueryParam("camera") String camera, @QueryParam("time") String time) {
        if (camera == null || camera.isBlank() || time == null) {
            throw ParkirException.invalid("query_invalid", "give camera and time (ISO-8601, e.g. 2026-11-22T08:15:00Z)");
        }
        return recorder().segmentAt(camera, instant("time", time)).orElseThrow(
                () -> ParkirException.notFound("no_footage", "camera " + camera + " has no footage of " + time));
    }

    /** One segment file (MPEG-TS), with HTTP range requests for seeking. */
    @GET
    @Path("{id}")
    @Produces("video/mp2t")
    @Access(value = {Role.ADMIN}, tokenInQuery = true)
    public Response file(@PathParam("id") String id, @HeaderParam("Range") String range, @Context SecurityContext sc)
            throws IOException {
        java.nio.file.Path f = recorder().file(id).orElseThrow(
                () -> ParkirException.notFound("recording_not_found", "no recording with id '" + id + "'"));
        long size = Files.size(f);
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return Response.status(416).header("Content-Range", "bytes */" + size).build();
            }
            try {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
            } catch (NumberFormatException tooLong) {
                return Response.status(416).header("Content-Range", "bytes */" + size).build();
            }
            if (start >= size || start > end) {
                return Response.status(416).header("Content-Range", "bytes */" + size).build();
            }
            partial = true;
        }
        if (start == 0) {
            audit.record(sc, "RECORDING_DOWNLOADED", id); // once per viewing from its start, not per seek
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> copy(f, from, length, out);
        Response.ResponseBuilder b = Response.status(partial ? 206 : 200).entity(body).type("video/mp2t")
                .header("Accept-Ranges", "bytes").header("Content-Length", length);
        if (partial) {
            b.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return b.build();
    }

    private static void copy(java.nio.file.Path f, long from, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ch.position(from);
            try (InputStream in = Channels.newInputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Instant instant(String name, String value) {
        return QueryParams.instant(name, value);
    }
}

package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.report.ReportFormat;
import id.parkir.api.report.ReportKind;
import id.parkir.api.report.ReportRequest;
import id.parkir.api.report.ReportService;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office's reports, admins only. {@code GET /api/reports} lists the kinds with their
 * groupings and filters; {@code GET /api/reports/{kind}?from=&to=&...&format=csv|xlsx|pdf} downloads
 * one as an attachment, written as its rows are read (the first bytes leave at once, memory stays
 * flat), and is recorded in the activity log; without {@code format} (or {@code format=json}) the
 * answer is a preview for the screen: the first rows, the totals and the chart. Every parameter is
 * checked before anything is written: a bad one is a 400 that names it, and nothing is logged.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("reports")
@Access(Role.ADMIN)
public class ReportResource {
    static final String DOWNLOADED = "REPORT_DOWNLOADED";
    private static final Logger LOG = LoggerFactory.getLogger(ReportResource.class);
    private static final List<String> FILTERS = List.of("zone", "gate", "vehicleType", "method", "cashier", "user", "action", "q");
    private static final Set<String> PARAMETERS = Set.of("from", "to", "by", "lang", "format", "rows", "zone", "gate",
            "vehicleType", "method", "cashier", "user", "action", "q");

    @Reference
    private ReportService reports;

    @Reference
    private Audit audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportKind> kinds() {
        return reports.kinds();
    }

    @GET
    @Path("{kind}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response report(@PathParam("kind") String kind, @Context UriInfo uri, @Context SecurityContext sc) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        for (String name : q.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ParkirException.invalid("parameter_unknown", "reports take no parameter '" + name + "'; they take "
                        + PARAMETERS.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (q.get(name).size() > 1) {
                throw ParkirException.invalid("parameter_repeated", "give " + name + " once");
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(f -> filters.put(f, q.getFirst(f)));
        ReportRequest request = new ReportRequest(kind, QueryParams.date("from", q.getFirst("from")),
                QueryParams.date("to", q.getFirst("to")), q.getFirst("by"), filters, q.getFirst("lang"));
        String format = q.getFirst("format");
        if (format == null || format.isBlank() || "json".equalsIgnoreCase(format.trim())) {
            int rows = QueryParams.integer("rows", q.getFirst("rows"), ReportService.PREVIEW_ROWS, 0, ReportService.PREVIEW_ROWS);
            return Response.ok(ReportJson.preview(reports.preview(request, rows)), MediaType.APPLICATION_JSON_TYPE).build();
        }
        ReportService.Download download = reports.download(request, format);
        audit.record(sc, DOWNLOADED, describe(download, filters, request.by()));
        StreamingOutput body = out -> {
            try {
                download.writeTo(out);
            } catch (IOException | RuntimeException e) {
                // the answer has begun: the client sees a cut-off download, the log says why
                LOG.warn("Report {} stopped while being written: {}", download.fileName(), e.toString());
                throw e instanceof IOException io ? io : new IOException(e);
            }
        };
        ReportFormat f = download.format();
        return Response.ok(body, f.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"").build();
    }

    /** What the activity log says of a download: the file, then the grouping and the filters given. */
    static String describe(ReportService.Download download, Map<String, String> filters, String by) {
        StringBuilder s = new StringBuilder(download.fileName());
        if (by != null && !by.isBlank()) {
            s.append(" by=").append(by.trim());
        }
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                s.append(' ').append(k).append('=').append(v.trim());
            }
        });
        return s.toString();
    }
}

package id.parkir.rest.internal;

import id.parkir.api.Role;
import id.parkir.api.report.ReportFormat;
import id.parkir.api.report.ReportService;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The report exporters installed now ({@code GET /api/report-formats}): they come and go with their bundles. */
@Component(service = ReportFormatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("report-formats")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class ReportFormatsResource {
    @Reference
    private ReportService reports;

    @GET
    public List<ReportFormat> formats() {
        return reports.formats();
    }
}

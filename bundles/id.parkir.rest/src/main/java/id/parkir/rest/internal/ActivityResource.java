package id.parkir.rest.internal;

import id.parkir.api.Role;
import id.parkir.api.parking.Page;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.security.ActivityEntry;
import id.parkir.api.security.ActivityLog;
import id.parkir.api.security.ActivityQuery;
import id.parkir.api.security.UserService;
import java.time.ZoneId;
import java.util.List;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The activity (audit) log: admins only. Dates given as YYYY-MM-DD are days of the site's time zone. */
@Component(service = ActivityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("activity")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class ActivityResource {
    @Reference
    private UserService users;

    @Reference
    private ActivityLog log;

    @Reference
    private ParkingService parking;

    /** The newest entries, as the shell and the first screens read them. */
    @GET
    public List<ActivityEntry> newest(@QueryParam("limit") @DefaultValue("100") String limit) {
        return users.activity(QueryParams.integer("limit", limit, 100, 1, 1000));
    }

    @GET
    @Path("search")
    public Page<ActivityEntry> search(@QueryParam("from") String from, @QueryParam("to") String to,
                                      @QueryParam("user") String user, @QueryParam("action") String action,
                                      @QueryParam("q") String text, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        ZoneId zone = ZoneId.of(parking.site().timeZone());
        return log.search(new ActivityQuery(QueryParams.instantOrDate("from", from, zone, false),
                QueryParams.instantOrDate("to", to, zone, true), user, action, text,
                QueryParams.integer("page", page, 0, 0, 10_000), QueryParams.integer("size", size, 50, 1, 500)));
    }

    /** The action names in the log, for the filter's drop-down. */
    @GET
    @Path("actions")
    public List<String> actions() {
        return log.actions();
    }
}

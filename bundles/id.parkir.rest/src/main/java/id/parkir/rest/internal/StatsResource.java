package id.parkir.rest.internal;

import id.parkir.api.Role;
import id.parkir.api.stats.DailyStats;
import id.parkir.api.stats.HourlyStats;
import id.parkir.api.stats.StatsService;
import id.parkir.api.stats.TodayStats;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The admin dashboard's figures: today so far, a day's hours against a week earlier, the last days. */
@Component(service = StatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class StatsResource {
    @Reference
    private StatsService stats;

    @GET
    @Path("today")
    public TodayStats today() {
        return stats.today();
    }

    @GET
    @Path("hourly")
    public HourlyStats hourly(@QueryParam("date") String date) {
        return stats.hourly(QueryParams.date("date", date));
    }

    @GET
    @Path("daily")
    public DailyStats daily(@QueryParam("days") String days) {
        return stats.daily(QueryParams.integer("days", days, 30, 1, StatsService.MAX_DAYS));
    }
}

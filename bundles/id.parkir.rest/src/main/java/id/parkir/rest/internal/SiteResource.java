package id.parkir.rest.internal;

import id.parkir.api.Role;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.Site;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The site's name, address, time zone, day boundary and currency, for every screen's header and
 * printed tickets. Any logged-in user may read it, also before the forced password change (that
 * screen shows the site too); it holds nothing secret, but is not answered to anonymous callers.
 */
@Component(service = SiteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("site")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {
    @Reference
    private ParkingService parking;

    @GET
    @Access(value = {Role.ADMIN, Role.OPERATOR}, beforePasswordChange = true)
    public Site site() {
        return parking.site();
    }
}

package id.parkir.rest.internal;

import javax.ws.rs.core.Application;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** The JAX-RS application every Parkir resource and extension binds to; served at /api. */
@Component(service = Application.class)
@JaxrsApplicationBase("api")
@JaxrsName(ParkirApplication.NAME)
public class ParkirApplication extends Application {
    static final String NAME = "parkir";
    /** The filter resources and extensions use to select this application. */
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}

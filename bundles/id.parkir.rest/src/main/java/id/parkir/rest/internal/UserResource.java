package id.parkir.rest.internal;

import id.parkir.api.Role;
import id.parkir.api.security.NewUser;
import id.parkir.api.security.UserService;
import id.parkir.api.security.UserUpdate;
import id.parkir.api.security.UserView;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** User management: admins only. */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class UserResource {
    @Reference
    private UserService users;

    @GET
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @POST
    public Response create(Requests.NewUser body, @Context SecurityContext sc) {
        UserView created = users.create(ActorSecurityContext.actor(sc),
                new NewUser(body.username(), body.fullName(), body.role(), body.password()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{username}")
    public UserView update(@PathParam("username") String username, Requests.UserChange body, @Context SecurityContext sc) {
        return users.update(ActorSecurityContext.actor(sc), username, new UserUpdate(body.role(), body.fullName(), body.active()));
    }

    @POST
    @Path("{username}/reset-password")
    public Map<String, Object> resetPassword(@PathParam("username") String username, Requests.PasswordReset body,
                                             @Context SecurityContext sc) {
        users.resetPassword(ActorSecurityContext.actor(sc), username, body.newPassword());
        return Map.of("reset", true, "mustChangePassword", true);
    }
}

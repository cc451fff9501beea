package id.parkir.rest.internal;

import id.parkir.api.Actor;
import id.parkir.api.Role;
import id.parkir.api.security.LoginResult;
import id.parkir.api.security.UserService;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Login, logout, password change. */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    @Reference
    private UserService users;

    @POST
    @Path("login")
    @Access(anonymous = true)
    public Map<String, Object> login(Requests.Login body, @Context HttpServletRequest http) {
        LoginResult r = users.login(body.username(), body.password(), http.getRemoteAddr());
        return Map.of("token", r.token(), "username", r.username(), "role", r.role(),
                "mustChangePassword", r.mustChangePassword(), "expiresAt", r.expiresAt().toString());
    }

    @POST
    @Path("password")
    @Access(value = {Role.ADMIN, Role.OPERATOR}, beforePasswordChange = true)
    public Map<String, Object> changePassword(Requests.PasswordChange body, @Context SecurityContext sc,
                                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        users.changePassword(ActorSecurityContext.actor(sc), AuthFilter.bearer(authorization).orElse(null),
                body.oldPassword(), body.newPassword());
        return Map.of("changed", true);
    }

    @POST
    @Path("logout")
    @Access(value = {Role.ADMIN, Role.OPERATOR}, beforePasswordChange = true)
    public Map<String, Object> logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        AuthFilter.bearer(authorization).ifPresent(users::logout);
        return Map.of("loggedOut", true);
    }

    @GET
    @Path("me")
    @Access(value = {Role.ADMIN, Role.OPERATOR}, beforePasswordChange = true)
    public Map<String, Object> me(@Context SecurityContext sc) {
        Actor a = ActorSecurityContext.actor(sc);
        return Map.of("username", a.username(), "role", a.role().code(), "mustChangePassword", a.mustChangePassword());
    }

}

package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves as {@code {"error": code, "message": ...}}. User errors say what to fix;
 * system errors are logged with an incident id and answered with that id only, leaking nothing.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(ParkirApplication.SELECT)
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        ParkirException pe = find(e);
        if (pe != null) {
            Response.ResponseBuilder r = Response.status(pe.kind().httpStatus);
            if (pe.kind() == ParkirException.Kind.UNAUTHENTICATED) {
                r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parkir\"");
            }
            if (pe.kind() == ParkirException.Kind.UNAVAILABLE) {
                r.header(HttpHeaders.RETRY_AFTER, "5");
            }
            return r.type(MediaType.APPLICATION_JSON_TYPE).entity(body(pe.code(), pe.getMessage())).build();
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String code = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 415 -> "unsupported_media_type";
                default -> "bad_request";
            };
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body(code, status == 415 ? "send application/json (or multipart/form-data where documented)"
                            : Response.Status.fromStatusCode(status) == null ? "request refused"
                            : Response.Status.fromStatusCode(status).getReasonPhrase())).build();
        }
        if (causedBy(e, OutOfMemoryError.class)) {
            // the memory budget (bin/setenv) is reached: this request fails, the server and the gates go on
            LOG.warn("Request refused: out of memory ({})", e.toString());
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "5").type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body("insufficient_memory", "the server has no memory free for this request now: try again"
                            + " in a few seconds")).build();
        }
        if (e instanceof org.apache.cxf.interceptor.Fault && !(e.getCause() instanceof RuntimeException)) {
            // CXF could not read the body as the type it declares (a multipart without its parts ...)
            LOG.debug("Unreadable request body: {}", e.toString());
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body("body_invalid", "the request body cannot be read as the Content-Type it declares")).build();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Request failed (incident {})", incident, e);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body("internal_error", "internal error, incident " + incident + " is in the server log")).build();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A ParkirException may arrive wrapped (e.g. by JPA's rollback or CXF's provider handling). */
    private static ParkirException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParkirException pe) {
                return pe;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static Map<String, Object> body(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("message", message);
        return m;
    }
}

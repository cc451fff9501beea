package id.parkir.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * What every API answer carries and what no request may reach. Answers are JSON or media that no
 * browser should sniff, frame, cache or run scripts from; CXF's generated service descriptions
 * ({@code ?_wadl} and the like, which would list every route to anyone) answer 404 like any
 * other route that is not documented, and OPTIONS (which would list a route's methods) is 405.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@PreMatching
public class HardeningFilter implements ContainerRequestFilter, ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if ("OPTIONS".equals(request.getMethod())) {
            // no cross-origin callers: the UI is served from the same origin; nothing to list to anyone
            request.abortWith(Response.status(405).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ErrorMapper.body("method_not_allowed", "Method Not Allowed")).build());
            return;
        }
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (name.startsWith("_")) {
                request.abortWith(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ErrorMapper.body("not_found", "Not Found")).build());
                return;
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        // tokens, people and money: nothing of the API is kept by a browser or a proxy
        h.putSingle("Cache-Control", "no-store");
    }
}

package id.parkir.web.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The page at {@code /}. The JAX-RS whiteboard keeps a default application on {@code /*} of the
 * default context, which a servlet cannot take "/" from (pax-web ignores the exact-root pattern
 * ""), so a filter answers exactly "/" and passes every other request on untouched.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=parkir-web-root"})
public class UiRootFilter implements Filter {
    @Reference
    private UiAssets assets;

    @Override
    public void init(FilterConfig config) {
        // nothing to set up: the files come from the bundle
    }

    @Override
    public void destroy() {
        // nothing held
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String method = request.getMethod();
        if ("/".equals(request.getRequestURI()) && ("GET".equals(method) || "HEAD".equals(method))) {
            UiServlet.serve(assets, request, (HttpServletResponse) res, "GET".equals(method));
            return;
        }
        chain.doFilter(req, res);
    }
}

package id.parkir.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Serves the web UI: the page (at {@code /} through {@link UiRootFilter}, and {@code /index.html})
 * and its files under {@code /ui/}. Everything else the
 * UI needs comes from the public {@code /api}; stopping this bundle leaves the API as it was.
 * Every answer carries a Content-Security-Policy that allows only this server's own scripts and
 * styles (no inline script, no eval), so a plate or a name that holds markup can never run.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/ui/*",
        "osgi.http.whiteboard.servlet.pattern=/index.html",
        "osgi.http.whiteboard.servlet.name=parkir-web-ui"})
public class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

    @Reference
    private transient UiAssets assets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        serve(assets, request, response, body);
    }

    /** Answers a UI file, or 404; also used for "/" by {@link UiRootFilter}. */
    static void serve(UiAssets assets, HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        securityHeaders(response);
        String uri = request.getRequestURI();
        String path = uri.isEmpty() || uri.equals("/") || uri.equals("/index.html") ? "index.html"
                : uri.startsWith("/ui/") ? uri.substring(1) : null;
        Optional<UiAssets.Asset> found = assets.find(path);
        if (found.isEmpty()) {
            notFound(response);
            return;
        }
        UiAssets.Asset asset = found.get();
        // revalidated on every load (cheap with the ETag), so a new UI bundle shows at the next reload
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.etag());
        response.setHeader("Vary", "Accept-Encoding");
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        String accepts = request.getHeader("Accept-Encoding");
        boolean gzip = accepts != null && accepts.contains("gzip");
        byte[] bytes = gzip ? asset.gzip() : asset.plain();
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        if (body) {
            response.getOutputStream().write(bytes);
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        // the gate's webcam for this page only; nothing else of the browser
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    }

    /** Unknown paths answer like the API's: JSON, never a page that echoes the request. */
    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write("{\"error\":\"not_found\",\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }
}

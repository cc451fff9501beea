package id.parkir.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors that Jetty answers itself, before any servlet (a header block too large: 431, control
 * characters in the request line or a header: 400, an unknown path: 404), in the API's documented
 * shape {@code {"error": code, "message": ...}} instead of an HTML page. Installed by
 * {@code etc/jetty.xml}.
 */
public class JsonErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(json(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        byte[] body = json(code, message).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String json(int status, String reason) {
        String code = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "server_error" : "http_" + status;
        };
        // Jetty's reason for a 4xx says what was wrong with the request; for a 5xx it could say too much
        String message = status >= 500 || reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return "{\"error\":\"" + code + "\",\"message\":\"" + escape(message) + "\"}";
    }

    /** JSON string escaping; Jetty's reasons may quote what the client sent. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}

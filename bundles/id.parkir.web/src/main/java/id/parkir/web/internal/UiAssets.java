package id.parkir.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The UI's files, read from the bundle once and kept with their gzip form and an ETag: they are a
 * few dozen small files, and a gate PC reloading the page must not cost the server a compression.
 * One instance serves both the servlet and the filter that answers "/".
 */
@Component(service = UiAssets.class)
public class UiAssets {
    /** Letters, digits and single dots between names: no "..", no encoded characters, no hidden files. */
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    record Asset(byte[] plain, byte[] gzip, String etag, String contentType) {
    }

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();
    private Function<String, URL> loader;

    @Activate
    void activate(BundleContext context) {
        // the bundle's own entries: only files shipped in it, never anything of the file system
        loader = path -> context.getBundle().getEntry(path);
    }

    /** The file at a path relative to the UI's root, if it is a UI file of a known type. */
    Optional<Asset> find(String path) {
        if (path == null || path.length() > 200 || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, p -> load(p, type));
    }

    private Optional<Asset> load(String path, String type) {
        URL url = loader.apply("web/" + path);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] plain = in.readAllBytes();
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.length / 3 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(plain);
            }
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain), 0, 12) + "\"";
            return Optional.of(new Asset(plain, zipped.toByteArray(), etag, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

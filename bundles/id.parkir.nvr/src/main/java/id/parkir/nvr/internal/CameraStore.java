package id.parkir.nvr.internal;

import id.parkir.api.Text;
import id.parkir.api.ParkirData;
import id.parkir.api.ParkirException;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.CameraSpec;
import id.parkir.api.nvr.CameraView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The site's cameras, kept in {@code ${parkir.data}/nvr/cameras.properties} (written whole and
 * moved into place, so a crash leaves the old or the new list, never half of one), passwords
 * sealed by {@link SecretBox}. A camera's id names its recording folder, so it is a slug of its name.
 */
@Component(service = CameraService.class)
public class CameraStore implements CameraService {
    private static final Pattern DNS_LABEL = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern GATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final List<String> SCHEMES = List.of("rtsp", "rtsps", "http", "https");

    private final PropertiesFile file;
    private final SecretBox secrets;

    @Activate
    public CameraStore() throws IOException {
        this(ParkirData.folder().resolve("nvr"));
    }

    CameraStore(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = new PropertiesFile(folder.resolve("cameras.properties"),
                "Parkir cameras: edit with the API or nvr:camera-* (passwords are sealed)");
        this.secrets = new SecretBox(folder.resolve("camera-password.key"));
    }

    @Override
    public synchronized List<CameraView> list() {
        Properties p = load();
        List<CameraView> cameras = new ArrayList<>();
        for (String id : ids(p)) {
            cameras.add(view(p, id));
        }
        return cameras;
    }

    @Override
    public synchronized CameraView get(String id) {
        Properties p = load();
        requireCamera(p, id);
        return view(p, id);
    }

    private static void requireCamera(Properties p, String id) {
        if (id == null || !ids(p).contains(id)) {
            throw ParkirException.notFound("camera_not_found", "no camera with id '" + id + "'");
        }
    }

    @Override
    public synchronized CameraView add(CameraSpec spec) {
        Properties p = load();
        Valid v = validate(spec, p, null);
        String id = uniqueId(p, v.name());
        store(p, id, v, spec.password() == null || spec.password().isEmpty() ? null : secrets.encrypt(spec.password()));
        return view(p, id);
    }

    @Override
    public synchronized CameraView update(String id, CameraSpec spec) {
        Properties p = load();
        requireCamera(p, id);
        Valid v = validate(spec, p, id);
        String sealed = spec.password() == null ? p.getProperty(id + ".password")
                : spec.password().isEmpty() ? null : secrets.encrypt(spec.password());
        store(p, id, v, sealed);
        return view(p, id);
    }

    @Override
    public synchronized void remove(String id) {
        Properties p = load();
        requireCamera(p, id);
        p.stringPropertyNames().stream().filter(k -> k.startsWith(id + ".")).forEach(p::remove);
        save(p);
    }

    @Override
    public synchronized String streamUrl(String id) {
        Properties p = load();
        requireCamera(p, id);
        String url = p.getProperty(id + ".url");
        String user = p.getProperty(id + ".username", "");
        String sealed = p.getProperty(id + ".password");
        if (user.isEmpty() && sealed == null) {
            return url;
        }
        String info = encode(user) + (sealed == null ? "" : ":" + encode(secrets.decrypt(sealed)));
        int at = url.indexOf("://") + 3;
        return url.substring(0, at) + info + "@" + url.substring(at);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- validation ----------------------------------------------------------------------

    record Valid(String name, String url, String username, String gateRole, String gateId) {
    }

    static Valid validate(CameraSpec s, Properties p, String self) {
        if (s == null) {
            throw invalid("send the camera as JSON: name, host (or url), port, path, username, password, gateRole, gateId");
        }
        String name = s.name() == null ? "" : s.name().strip();
        if (name.isEmpty() || name.length() > 60 || !Text.isClean(name)) {
            throw invalid("name is required: at most 60 characters, no control, invisible or direction-changing characters");
        }
        for (String other : ids(p)) {
            if (!other.equals(self) && p.getProperty(other + ".name", "").equalsIgnoreCase(name)) {
                throw ParkirException.conflict("camera_exists", "a camera named '" + name + "' exists already (id " + other + ")");
            }
        }
        boolean hasUrl = s.url() != null && !s.url().isBlank();
        boolean hasHost = s.host() != null && !s.host().isBlank();
        if (hasUrl == hasHost) {
            throw invalid("give either host (with port and path) or a full url, not both");
        }
        String url = hasUrl ? checkUrl(s.url().strip()) : fromParts(s.host().strip(), s.port(), s.path());
        String user = s.username() == null ? "" : s.username();
        if (user.length() > 64 || !Text.isClean(user)) {
            throw invalid("username: at most 64 characters, no control or invisible characters");
        }
        if (s.password() != null && (s.password().length() > 128 || !Text.isClean(s.password()))) {
            throw invalid("password: at most 128 characters, no control characters");
        }
        String role = s.gateRole() == null || s.gateRole().isBlank() ? null : s.gateRole().strip().toLowerCase(Locale.ROOT);
        if (role != null && !role.equals("entry") && !role.equals("exit")) {
            throw invalid("gateRole must be 'entry', 'exit' or empty");
        }
        String gate = s.gateId() == null || s.gateId().isBlank() ? null : s.gateId().strip();
        if (role != null && (gate == null || !GATE_ID.matcher(gate).matches())) {
            throw invalid("a gate camera needs gateId: 1-32 letters, digits, '-' or '_'");
        }
        return new Valid(name, url, user, role, role == null ? null : gate);
    }

    private static String fromParts(String host, Integer port, String path) {
        String h = checkHost(host);
        int p = port == null ? 554 : port;
        if (p < 1 || p > 65535) {
            throw invalid("port must be 1-65535, not " + port);
        }
        String pa = path == null || path.isBlank() ? "/" : path.strip();
        if (pa.length() > 512) {
            throw invalid("path: at most 512 characters");
        }
        if (!pa.startsWith("/")) {
            pa = "/" + pa;
        }
        if (pa.chars().anyMatch(c -> c <= ' ' || c == 127) || pa.contains("@")) {
            throw invalid("path: no spaces, control characters or '@'");
        }
        return checkUrl("rtsp://" + h + ":" + p + pa);
    }

    private static String checkUrl(String url) {
        if (url.length() > 1024 || !Text.isClean(url)) {
            throw invalid("url: at most 1024 characters, no control or invisible characters");
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid address: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw invalid("url must start with rtsp://, rtsps://, http:// or https://");
        }
        if (u.getRawUserInfo() != null) {
            throw invalid("put the user name and password in their own fields, not in the url");
        }
        if (u.getHost() == null) {
            throw invalid("url has no valid host");
        }
        checkHost(u.getHost());
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw invalid("port must be 1-65535");
        }
        return url;
    }

    /** An IPv4 address, a bracketed IPv6 address or a DNS name. */
    static String checkHost(String host) {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String octet : host.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw invalid("host '" + host + "' is not a valid IPv4 address");
                }
            }
            return host;
        }
        if (host.startsWith("[") && host.endsWith("]") && host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]{2,45}")) {
            return host;
        }
        if (host.matches("[0-9A-Fa-f:]+") && host.contains(":")) {
            return "[" + host + "]";
        }
        if (host.length() > 253 || host.matches("[\\d.]+")) {
            throw invalid("host '" + host + "' is not a valid IP address or DNS name");
        }
        for (String label : host.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw invalid("host '" + host + "' is not a valid IP address or DNS name");
            }
        }
        return host;
    }

    private static ParkirException invalid(String message) {
        return ParkirException.invalid("camera_invalid", message);
    }

    // ---- the file ------------------------------------------------------------------------

    private static TreeSet<String> ids(Properties p) {
        TreeSet<String> ids = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.endsWith(".name")) {
                ids.add(k.substring(0, k.length() - 5));
            }
        }
        return ids;
    }

    private static String uniqueId(Properties p, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.isEmpty() ? "camera" : slug.substring(0, Math.min(32, slug.length()));
        String id = slug;
        for (int n = 2; ids(p).contains(id); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    private CameraView view(Properties p, String id) {
        String url = p.getProperty(id + ".url");
        String user = p.getProperty(id + ".username", "");
        boolean hasPassword = p.getProperty(id + ".password") != null;
        String shown = url;
        if (!user.isEmpty() || hasPassword) {
            int at = url.indexOf("://") + 3;
            shown = url.substring(0, at) + encode(user) + (hasPassword ? ":***" : "") + "@" + url.substring(at);
        }
        return new CameraView(id, p.getProperty(id + ".name"), shown, user, hasPassword, p.getProperty(id + ".gateRole"),
                p.getProperty(id + ".gateId"));
    }

    private void store(Properties p, String id, Valid v, String sealedPassword) {
        p.setProperty(id + ".name", v.name());
        p.setProperty(id + ".url", v.url());
        p.setProperty(id + ".username", v.username());
        set(p, id + ".password", sealedPassword);
        set(p, id + ".gateRole", v.gateRole());
        set(p, id + ".gateId", v.gateId());
        save(p);
    }

    private static void set(Properties p, String key, String value) {
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
    }

    private Properties load() {
        try {
            return file.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.path(), e);
        }
    }

    private void save(Properties p) {
        try {
            file.save(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path(), e);
        }
    }
}

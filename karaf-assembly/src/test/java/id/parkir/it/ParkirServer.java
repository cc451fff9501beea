package id.parkir.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Parkir distribution, unzipped into target/it/NAME with free ports, started with
 * {@code bin/karaf server}, driven over HTTP and ssh ({@code bin/client}), stopped or killed.
 */
final class ParkirServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final int httpPort;
    /** HTTPS (org.osgi.service.http.port.secure), on every interface; plain HTTP is on 127.0.0.1 only. */
    final int httpsPort;
    final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    /** Extra environment for bin/karaf, e.g. EXTRA_JAVA_OPTS for a benchmark's JVM flags. */
    final Map<String, String> environment = new java.util.HashMap<>();

    private ParkirServer(Path home, int httpPort, int httpsPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.sshPort = sshPort;
    }

    /** Unzips a fresh copy of the distribution and gives it ports of its own. */
    static ParkirServer unpack(String name) throws IOException {
        Path zip = Paths.get(System.getProperty("parkir.distribution", "target/parkir-server-0.1.0-SNAPSHOT.zip"));
        Path target = Paths.get("target", "it", name).toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        Path home = target.resolve(unzip(zip, target));
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.forEach(p -> p.toFile().setExecutable(true));
        }
        ParkirServer server = new ParkirServer(home, freePort(), freePort(), freePort());
        server.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(server.httpPort));
        server.setConfig("org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", Integer.toString(server.httpsPort));
        server.setConfig("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(server.sshPort));
        server.setConfig("org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
        server.setConfig("org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
        return server;
    }

    /** Unpacks a zip into a folder (no entry may leave it); returns the name of its first top-level entry. */
    static String unzip(Path zip, Path target) throws IOException {
        String first = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (first == null) {
                    first = e.getName().split("/")[0];
                }
            }
        }
        return first;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Sets one key of an etc/*.cfg file (before start, or while running: fileinstall picks it up). */
    void setConfig(String file, String key, String value) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        String text = Files.exists(cfg) ? Files.readString(cfg) : "";
        // the key's own line if it has one, else a commented-out default of it, else a new line
        Matcher set = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        Matcher commented = Pattern.compile("(?m)^#\\s*" + Pattern.quote(key) + "\\s*=.*$").matcher(text);
        String entry = key + " = " + value;
        text = set.find() ? set.replaceFirst(Matcher.quoteReplacement(entry))
                : commented.find() ? commented.replaceFirst(Matcher.quoteReplacement(entry)) : text + "\n" + entry + "\n";
        Files.writeString(cfg, text);
    }

    /** Starts {@code bin/karaf server} with extra arguments (e.g. {@code clean}) and waits until the API answers. */
    void start(String... karafArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/karaf").toString(), "server"));
        command.addAll(List.of(karafArgs));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        long t0 = System.nanoTime();
        process = pb.start();
        waitUntilReady(Duration.ofSeconds(180));
        lastBootMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("parkir server " + home.getParent().getFileName() + " ready in " + lastBootMillis + " ms");
    }

    /** Milliseconds from process start to the API answering, for the last start. */
    long lastBootMillis;

    /** Ready when the parking resource answers (401 without a token): store, security and core are up. */
    private void waitUntilReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            try {
                if (get("/api/occupancy", null).statusCode() == 401 && get("/api/payment-methods", null).statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server not ready after " + timeout + "; see " + home.resolve("data/log/karaf.log"));
    }

    /** SIGKILL of the JVM: no shutdown hook, no flush, as in a power cut. */
    void kill() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle h : all) {
            h.onExit().join();
        }
    }

    /** The server's processes: bin/karaf, its JVM and what they started (ffmpeg ...). */
    Stream<ProcessHandle> processes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants());
    }

    /** The pid of the server's JVM (bin/karaf may run it as a child). */
    java.util.Optional<Long> javaProcess() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        for (ProcessHandle h : all) {
            h.onExit().join();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    // ---- HTTP ----------------------------------------------------------------------------

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(jsonRequest(path, token, json).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String token, String json) throws IOException, InterruptedException {
        return send(jsonRequest(path, token, json).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder jsonRequest(String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        return post("/api/auth/login", null, JSON.writeValueAsString(Map.of("username", user, "password", password)));
    }

    /** The first admin login of a new server, with the forced password change; answers a token of the admin. */
    String firstAdmin(String newPassword) throws IOException, InterruptedException {
        String first = json(login("admin", "admin")).get("token").asText();
        HttpResponse<String> changed = post("/api/auth/password", first,
                JSON.writeValueAsString(Map.of("oldPassword", "admin", "newPassword", newPassword)));
        if (changed.statusCode() != 200) {
            throw new IllegalStateException("admin password not changed: " + changed.body());
        }
        return json(login("admin", newPassword)).get("token").asText();
    }

    /** A new operator whose first password is already changed to {@code password}; answers its token. */
    String newOperator(String admin, String username, String password) throws IOException, InterruptedException {
        String initial = "Awal" + password;
        HttpResponse<String> made = post("/api/users", admin, JSON.writeValueAsString(
                Map.of("username", username, "role", "operator", "password", initial)));
        if (made.statusCode() != 201) {
            throw new IllegalStateException("operator not created: " + made.body());
        }
        String first = json(login(username, initial)).get("token").asText();
        post("/api/auth/password", first, JSON.writeValueAsString(Map.of("oldPassword", initial, "newPassword", password)));
        return json(login(username, password)).get("token").asText();
    }

    /** multipart/form-data with text fields and at most one file field named {@code image}. */
    HttpResponse<String> postMultipart(String path, String token, Map<String, String> fields, byte[] image)
            throws IOException, InterruptedException {
        String boundary = "parkir" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (image != null) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"gate.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(image);
            parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        return send(b);
    }

    /** The bytes themselves as the body, e.g. a JPEG as {@code image/jpeg}. */
    HttpResponse<String> postBytes(String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET answered as bytes (photos, video), with extra headers as name, value pairs. */
    HttpResponse<byte[]> getBytes(String path, String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET whose body is read as it comes (a live stream); close the stream when done. */
    HttpResponse<java.io.InputStream> getStream(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    // ---- ssh -----------------------------------------------------------------------------

    /** Runs shell commands over ssh with bin/client; returns exit code and output. */
    ShellResult ssh(String user, String password, String... commands) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                Integer.toString(sshPort), "-u", user, "-p", password, "-r", "3", "-b").directory(home.toFile()).redirectErrorStream(true);
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client hung; output so far: " + out);
        }
        return new ShellResult(p.exitValue(), out);
    }

    record ShellResult(int exitCode, String output) {
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    long filesUnder(String relative) throws IOException {
        Path dir = home.resolve(relative);
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}

package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.parkir.api.TicketNumber;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The server attacked as a client could: with an operator's token and with none, with photos
 * that lie about their size, numbers at the limits, malformed and deeply nested bodies, bad
 * bytes below HTTP, hidden characters, traversal and injection, every route without a token and
 * with the wrong role, concurrent logins against the lock-out, and races on entry and payment.
 * Prints what it sent and how the server answered; fails on any 5xx, any request accepted that
 * should have been refused, any row a refused request changed, or resident memory growing by
 * 200 MB or more.
 */
class HostileIT {
    private static final String ADMIN_PASSWORD = "Serang2026kunci";
    private static final String OPERATOR_PASSWORD = "Serang2026pintu";
    private final Hostile h = new Hostile();
    private ParkirServer server;
    private String admin;
    private String operator;

    @Test
    void nothingAClientSendsExhaustsTheServerOrSlipsThrough() throws Exception {
        try (ParkirServer s = ParkirServer.unpack("hostile")) {
            server = s;
            server.start();
            admin = server.firstAdmin(ADMIN_PASSWORD);
            operator = server.newOperator(admin, "penjaga", OPERATOR_PASSWORD);
            server.post("/api/shifts/open", operator, "{\"openingCash\":100000}");
            String ticket = json(server.post("/api/capture-entry", operator, "{\"plate\":\"B 1 ATK\",\"vehicleType\":\"car\"}"))
                    .get("ticket").asText();
            long pid = server.javaProcess().orElseThrow();
            long rssBefore = Latencies.residentMegabytes(pid, "VmRSS");
            Map<String, String> before = state();

            pixelBombs();
            numbersAtTheLimits(ticket);
            malformedBodies();
            belowHttp();
            looseStrings();
            traversalAndInjection();
            everyRouteWithoutTokenAndWithTheWrongRole();
            theActivityLogCannotBeEditedOrDeleted();
            int changed = Hostile.differences(before, state());

            lockOutHoldsUnderConcurrency();
            sessionsEndWithPasswordChangeAndLockOut();
            racesOnEntryAndPayment();
            HttpResponse<String> any = server.get("/api/occupancy", operator);
            assertEquals("nosniff", any.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-store", any.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(any.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));

            long rssAfter = Latencies.residentMegabytes(pid, "VmRSS");
            h.report(changed, rssBefore, rssAfter);
            assertTrue(rssAfter - rssBefore < 200, "resident memory grew by " + (rssAfter - rssBefore) + " MB");
        }
    }

    private void pixelBombs() throws Exception {
        byte[] jpeg = jpegClaiming(30000, 30000);
        byte[] png = pngClaiming(30000, 30000);
        byte[] huge = pngClaiming(65535, 65535); // over 2^32 pixels declared
        for (byte[] bomb : List.of(jpeg, png, huge)) {
            String kind = bomb == jpeg ? "jpeg" : "png";
            h.refused("anpr raw " + kind + " bomb", 400, "image_dimensions_too_large",
                    server.postBytes("/api/anpr/read", operator, "image/" + kind, bomb));
            h.refused("anpr multipart bomb", 400, "image_dimensions_too_large",
                    server.postMultipart("/api/anpr/read", operator, Map.of(), bomb));
            h.refused("entry multipart bomb", 400, "image_dimensions_too_large",
                    server.postMultipart("/api/capture-entry", operator, Map.of("plate", "B2ATK", "vehicleType", "car"), bomb));
            h.refused("entry base64 bomb", 400, "image_dimensions_too_large", server.post("/api/capture-entry", operator,
                    "{\"plate\":\"B3ATK\",\"vehicleType\":\"car\",\"image\":\"" + Base64.getEncoder().encodeToString(bomb) + "\"}"));
        }
        h.refused("9 MB body", 413, null, server.postBytes("/api/anpr/read", operator, "image/jpeg", new byte[9 * 1024 * 1024]));
    }

    private void numbersAtTheLimits(String ticket) throws Exception {
        String max = Long.toString(Long.MAX_VALUE);
        h.refused("openingCash Long.MAX", 400, "amount_invalid", server.post("/api/shifts/open", admin, "{\"openingCash\":" + max + "}"));
        h.refused("countedCash Long.MAX", 400, "amount_invalid", server.post("/api/shifts/close", operator, "{\"countedCash\":" + max + "}"));
        h.refused("amountReceived Long.MAX", 400, "amount_invalid", server.post("/api/payments", operator,
                "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":" + max + "}"));
        h.refused("amountReceived beyond long", 400, "json_invalid", server.post("/api/payments", operator,
                "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":99999999999999999999999}"));
        h.refused("page far away", 400, "page_invalid", server.get("/api/sessions?page=4294968&size=500", operator));
        h.refused("page past int", 400, "page_invalid", server.get("/api/sessions?page=99999999999&size=5", operator));
        h.refused("year 999999999", 400, "date_invalid", server.get("/api/sessions?date=%2B999999999-12-31", operator));
        h.refused("totalSeconds Long.MAX", 400, "total_seconds_invalid", server.post("/api/nvr/start?totalSeconds=" + max, admin, "{}"));
        h.refused("live width abc", 400, "width_invalid", server.get("/api/cameras/x/live?width=abc", admin));
        h.refused("activity limit -1", 400, "limit_invalid", server.get("/api/activity?limit=-1", admin));
        h.refused("zone capacity too big", 400, "capacity_invalid",
                server.put("/api/zones/A", admin, "{\"capacity\":{\"car\":2147483647}}"));
        h.refused("recordings far future", 400, "query_invalid",
                server.get("/api/recordings?from=%2B1000000000-01-01T00:00:00Z", admin));
        String tariff = json(server.get("/api/tariff", admin)).get("types").toString();
        h.refused("tariff Long.MAX", 400, "tariff_invalid", server.put("/api/tariff", admin,
                "{\"types\":" + tariff.replaceFirst("\"firstHour\":\\d+", "\"firstHour\":" + max) + "}"));
        h.refused("tariff beyond long", 400, "tariff_invalid", server.put("/api/tariff", admin,
                "{\"types\":" + tariff.replaceFirst("\"overnight\":\\d+", "\"overnight\":99999999999999999999999") + "}"));
        h.refused("tariff grace of a year", 400, "tariff_invalid", server.put("/api/tariff", admin,
                "{\"types\":" + tariff.replaceFirst("\"graceMinutes\":\\d+", "\"graceMinutes\":525600") + "}"));
        h.refused("quote over a year", 400, "time_invalid", server.post("/api/tariff/quote", operator,
                "{\"vehicleType\":\"car\",\"entryTime\":\"2000-01-01T00:00:00Z\",\"exitTime\":\"2100-12-31T00:00:00Z\"}"));
        h.refused("quote far future", 400, "time_invalid", server.post("/api/tariff/quote", operator,
                "{\"vehicleType\":\"car\",\"entryTime\":\"2026-01-01T00:00:00Z\",\"exitTime\":\"+1000000000-01-01T00:00:00Z\"}"));
        h.refused("sessions over a century", 400, "range_too_long", server.get("/api/sessions?from=2000-01-01&to=2100-12-31", operator));
        h.refused("activity page past int", 400, "page_invalid", server.get("/api/activity/search?page=99999999999", admin));
        h.refused("activity far page", 400, "paging_invalid", server.get("/api/activity/search?page=10000&size=500", admin));
        h.refused("activity text over a century", 400, "range_too_long",
                server.get("/api/activity/search?q=LOGIN&from=2000-01-01&to=2100-12-31", admin));
    }

    private void malformedBodies() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        for (String path : List.of("/api/auth/login", "/api/auth/password", "/api/users", "/api/capture-entry",
                "/api/capture-exit", "/api/payments", "/api/shifts/open", "/api/shifts/close", "/api/cameras")) {
            String token = path.equals("/api/auth/login") ? null : path.equals("/api/users") || path.equals("/api/cameras") ? admin : operator;
            h.refused("nested array " + path, 400, "json_invalid", server.post(path, token, deep));
            h.refused("nested object " + path, 400, "json_invalid", server.post(path, token, deepObject));
        }
        h.refused("nested zone", 400, "json_invalid", server.put("/api/zones/A", admin, deepObject));
        h.refused("multipart type, JSON body", 400, "body_invalid", server.send(HttpRequest.newBuilder(server.uri("/api/capture-entry"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plate\":\"B4ATK\",\"vehicleType\":\"car\"}"))));
        h.refused("username true", 400, "json_invalid", server.post("/api/users", admin,
                "{\"username\":true,\"role\":\"operator\",\"password\":\"Awal2026pass\"}"));
        h.refused("plate a number", 400, "json_invalid", server.post("/api/capture-entry", operator, "{\"plate\":1234,\"vehicleType\":\"car\"}"));
        h.refused("active a string", 400, "json_invalid", server.put("/api/users/penjaga", admin, "{\"active\":\"yes\"}"));
        h.refused("not JSON", 400, "json_invalid", server.post("/api/payments", operator, "{\"ticket\":"));
    }

    private void belowHttp() throws Exception {
        h.refusedRaw("20 kB header", 431, raw("GET /api/occupancy HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n"));
        h.refusedRaw("control character in a header", 400, raw("GET /api/occupancy HTTP/1.1\r\nHost: x\r\nBad\u0001Header: y\r\n\r\n"));
        h.refusedRaw("NUL in the path", 400, raw("GET /api/occ\u0000upancy HTTP/1.1\r\nHost: x\r\n\r\n"));
        h.refused("route list", 404, "not_found", server.get("/api/?_wadl", null));
        h.refused("route list with a token", 404, "not_found", server.get("/api/users?_wadl", admin));
        h.refused("not a route", 404, "not_found", server.get("/api/no/such/route", operator));
        h.refused("methods of a route", 405, "method_not_allowed", server.send(HttpRequest.newBuilder(server.uri("/api/users"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
    }

    private void looseStrings() throws Exception {
        for (String bad : List.of("Budi\u0000", "Budi\u202Eitas", "Bu\u200Bdi", "Budi\nAdmin")) {
            String json = ParkirServer.JSON.writeValueAsString(bad);
            h.refused("full name " + bad.codePointAt(4), 400, "text_invalid", server.put("/api/users/penjaga", admin, "{\"fullName\":" + json + "}"));
            h.refused("zone name", 400, "text_invalid", server.put("/api/zones/A", admin, "{\"name\":" + json + "}"));
            h.refused("camera name", 400, "camera_invalid", server.post("/api/cameras", admin, "{\"name\":" + json + ",\"host\":\"10.0.0.5\"}"));
        }
        h.refused("camera path of a million", 400, "camera_invalid", server.post("/api/cameras", admin,
                "{\"name\":\"panjang\",\"host\":\"10.0.0.5\",\"path\":\"/" + "a".repeat(1_000_000) + "\"}"));
        h.refused("reference with a newline", 400, "text_invalid", server.post("/api/payments", operator,
                "{\"ticket\":\"" + "0".repeat(9) + "0\",\"method\":\"cash\",\"amountReceived\":1,\"reference\":\"a\\nb\"}"));
    }

    private void traversalAndInjection() throws Exception {
        // Jetty refuses an encoded slash in a path outright
        h.refused("recording traversal", 400, "bad_request", server.get("/api/recordings/..%2F..%2F..%2Fetc%2Fpasswd", admin));
        h.refused("recording id traversal", 404, null, server.get("/api/recordings/..%5C..%5Cetc", admin));
        h.refused("camera traversal", 404, null, server.get("/api/cameras/..%2F..%2Fetc/snapshot", admin));
        h.refused("plate injection", 400, "plate_invalid", server.post("/api/capture-entry", operator,
                "{\"plate\":\"B1' OR '1'='1\",\"vehicleType\":\"car\"}"));
        h.refused("search injection", 400, "plate_invalid", server.get("/api/sessions?plate=%27%20OR%201%3D1--", operator));
        h.refused("gate traversal", 400, "gate_invalid", server.post("/api/capture-entry", operator,
                "{\"plate\":\"B5ATK\",\"vehicleType\":\"car\",\"gate\":\"../../etc\"}"));
        String photos = "/api/sessions/" + TicketNumber.generate() + "/photos/";
        h.refused("photo ticket traversal", 404, "not_found", server.get("/api/sessions/..%2F..%2Fetc%2Fpasswd/photos/entry", operator));
        h.refused("photo ticket backslashes", 400, "ticket_invalid", server.get("/api/sessions/..%5C..%5Cetc/photos/entry", operator));
        h.refused("photo kind traversal", 400, "photo_kind_invalid", server.get(photos + "..%5C..%5Cetc", operator));
        h.refused("photo kind dots", 400, "photo_kind_invalid", server.get(photos + "..", operator));
        h.refused("photo of an unknown ticket", 404, "photo_not_found", server.get(photos + "entry", operator));
        h.refused("photo ticket injection", 400, "ticket_invalid", server.get("/api/sessions/%27%20OR%201%3D1--/photos/entry", operator));
        h.refused("look-alike search injection", 400, "plate_invalid", server.get("/api/sessions?status=inside&plate=%27%20OR%201%3D1--", operator));
        h.refused("gate search injection", 400, "gate_invalid", server.get("/api/sessions?status=inside&gate=%27%20OR%201%3D1--", operator));
        h.refused("ticket search injection", 400, "ticket_invalid", server.get("/api/sessions?ticket=%27%20OR%201%3D1--", operator));
        h.refused("session detail injection", 400, "ticket_invalid", server.get("/api/sessions/%27%20OR%201%3D1--", operator));
        h.refused("action search injection", 400, "action_invalid", server.get("/api/activity/search?action=%27%20OR%201%3D1--", admin));
        HttpResponse<String> text = h.answered("activity text injection is text", status -> status == 200,
                server.get("/api/activity/search?q=%25%27%20OR%20%271%27%3D%271", admin));
        if (text.statusCode() == 200 && json(text).get("total").asLong() != 0) {
            h.wrongAcceptance("activity text injection matched entries: " + text.body());
        }
        h.refused("tariff type injection", 400, "tariff_invalid", server.put("/api/tariff", admin,
                "{\"types\":{\"car'; DROP TABLE PARKIR_SESSION;--\":{\"firstHour\":1}}}"));
        h.refused("forged access_token", 401, "unauthenticated", server.get(photos + "entry?access_token=" + "x".repeat(43), null));
    }

    /** No route edits or deletes a log line, not even for an admin: each attempt is refused and the log keeps its lines. */
    private void theActivityLogCannotBeEditedOrDeleted() throws Exception {
        JsonNode before = json(server.get("/api/activity/search?size=500", admin));
        String first = before.get("items").get(before.get("items").size() - 1).toString();
        h.refused("delete the log", 405, "method_not_allowed", server.delete("/api/activity", admin));
        h.refused("delete the log's search", 405, "method_not_allowed", server.delete("/api/activity/search", admin));
        h.refused("overwrite the log", 405, "method_not_allowed", server.put("/api/activity", admin, "[]"));
        h.refused("add a line", 405, "method_not_allowed", server.post("/api/activity", admin,
                "{\"username\":\"admin\",\"action\":\"LOGIN\",\"detail\":\"forged\"}"));
        h.refused("delete one line", 404, "not_found", server.delete("/api/activity/1", admin));
        h.refused("edit one line", 404, "not_found", server.put("/api/activity/1", admin, "{\"detail\":\"edited\"}"));
        JsonNode after = json(server.get("/api/activity/search?size=500", admin));
        // the refusals add no lines either (they are not state changes), and the lines are as they were
        if (after.get("total").asLong() != before.get("total").asLong()
                || !after.get("items").get(after.get("items").size() - 1).toString().equals(first)) {
            h.wrongAcceptance("the activity log changed: " + before.get("total") + " -> " + after.get("total"));
        }
    }

    private void everyRouteWithoutTokenAndWithTheWrongRole() throws Exception {
        List<String[]> routes = List.of(new String[] {"GET", "/api/occupancy"}, new String[] {"GET", "/api/sessions"},
                new String[] {"POST", "/api/capture-entry"}, new String[] {"POST", "/api/capture-exit"}, new String[] {"POST", "/api/payments"},
                new String[] {"POST", "/api/shifts/open"}, new String[] {"GET", "/api/zones"}, new String[] {"GET", "/api/users"},
                new String[] {"PUT", "/api/zones/A"}, new String[] {"GET", "/api/activity"}, new String[] {"POST", "/api/cameras"},
                new String[] {"POST", "/api/nvr/start"}, new String[] {"POST", "/api/nvr/cleanup"}, new String[] {"GET", "/api/recordings"},
                new String[] {"POST", "/api/anpr/read"}, new String[] {"GET", "/api/auth/me"}, new String[] {"GET", "/api/site"},
                new String[] {"GET", "/api/sessions/" + TicketNumber.generate() + "/photos/entry"},
                new String[] {"GET", "/api/sessions/" + TicketNumber.generate()}, new String[] {"GET", "/api/tariff"},
                new String[] {"PUT", "/api/tariff"}, new String[] {"POST", "/api/tariff/quote"},
                new String[] {"GET", "/api/activity/search"}, new String[] {"GET", "/api/activity/actions"},
                new String[] {"GET", "/api/stats/today"}, new String[] {"GET", "/api/stats/hourly"}, new String[] {"GET", "/api/stats/daily"},
                new String[] {"POST", "/api/playback"}, new String[] {"POST", "/api/cameras/lobby/live-link"},
                new String[] {"GET", "/api/shifts/current/report"});
        List<String> adminOnly = List.of("/api/users", "/api/zones/A", "/api/activity", "/api/cameras", "/api/nvr/start",
                "/api/nvr/cleanup", "/api/recordings", "/api/activity/search", "/api/activity/actions", "/api/stats/today",
                "/api/stats/hourly", "/api/stats/daily", "/api/playback");
        for (String[] r : routes) {
            h.refused("no token " + r[0] + " " + r[1], 401, "unauthenticated", call(r[0], r[1], null));
            h.refused("forged token " + r[0] + " " + r[1], 401, "unauthenticated", call(r[0], r[1], "x".repeat(43)));
            if (adminOnly.contains(r[1]) || (r[0].equals("PUT") && r[1].equals("/api/tariff"))) {
                h.refused("operator " + r[0] + " " + r[1], 403, "forbidden", call(r[0], r[1], operator));
            }
        }
        ParkirServer.ShellResult shell = server.ssh("penjaga", OPERATOR_PASSWORD, "parkir:user-list");
        if (shell.exitCode() == 0) {
            h.wrongAcceptance("operator logged into the ssh shell");
        }
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", path.endsWith("/anpr/read") ? "image/jpeg" : "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return server.send(b);
    }

    private void lockOutHoldsUnderConcurrency() throws Exception {
        server.newOperator(admin, "korban", OPERATOR_PASSWORD);
        List<HttpResponse<String>> answers = SharedRules.together(30, i -> server.login("korban", i == 17 ? OPERATOR_PASSWORD : "salah" + i));
        long checked = answers.stream().filter(r -> r.statusCode() != 423).count();
        answers.forEach(r -> h.answered("concurrent login", s -> s == 200 || s == 401 || s == 423, r));
        if (checked > 5) {
            h.wrongAcceptance("lock-out let " + checked + " of 30 simultaneous passwords be tried (limit 5)");
        }
    }

    private void sessionsEndWithPasswordChangeAndLockOut() throws Exception {
        server.newOperator(admin, "ganda", OPERATOR_PASSWORD);
        String one = json(server.login("ganda", OPERATOR_PASSWORD)).get("token").asText();
        String other = json(server.login("ganda", OPERATOR_PASSWORD)).get("token").asText();
        server.post("/api/auth/password", one, "{\"oldPassword\":\"" + OPERATOR_PASSWORD + "\",\"newPassword\":\"Baru2026pintu\"}");
        h.refused("the other session after a password change", 401, "unauthenticated", server.get("/api/auth/me", other));
        h.answered("the session that changed it", s -> s == 200, server.get("/api/auth/me", one));
        for (int i = 0; i < 5; i++) {
            h.answered("wrong password " + i, s -> s == 401, server.login("ganda", "salah" + i));
        }
        h.refused("a session from before the lock-out", 401, "unauthenticated", server.get("/api/auth/me", one));
    }

    private void racesOnEntryAndPayment() throws Exception {
        List<HttpResponse<String>> entries = SharedRules.together(8, i -> server.post("/api/capture-entry", operator,
                "{\"plate\":\"B 77 RAS\",\"vehicleType\":\"car\"}"));
        assertEquals(1, SharedRules.count(entries, 201), SharedRules.bodies(entries));
        entries.forEach(r -> h.answered("same plate at once", s -> s == 201 || s == 409, r));
        String ticket = json(entries.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()).get("ticket").asText();
        List<HttpResponse<String>> payments = SharedRules.together(8, i -> server.post("/api/payments", operator,
                "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000}"));
        assertEquals(1, SharedRules.count(payments, 201), SharedRules.bodies(payments));
        payments.forEach(r -> h.answered("same ticket paid at once", s -> s == 201 || s == 409, r));
    }

    /** Sessions, users, zones, occupancy, cameras and the operator's shift, as the admin sees them. */
    private Map<String, String> state() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        for (JsonNode s : json(server.get("/api/sessions?size=500", admin)).get("items")) {
            rows.put("session " + s.get("ticket").asText(), s.get("status") + " " + s.get("receiptNo") + " " + s.get("total")
                    + " " + s.get("zone") + " " + s.get("exitTime"));
        }
        for (JsonNode u : json(server.get("/api/users", admin))) {
            rows.put("user " + u.get("username").asText(), u.get("role") + " " + u.get("active") + " " + u.get("fullName"));
        }
        for (JsonNode z : json(server.get("/api/zones", admin))) {
            rows.put("zone " + z.get("code").asText(), z.get("name") + " " + z.get("capacity"));
        }
        for (JsonNode z : json(server.get("/api/occupancy", admin))) {
            rows.put("occupancy " + z.get("zone").asText(), z.get("vehicleTypes").toString());
        }
        rows.put("cameras", server.get("/api/cameras", admin).body());
        rows.put("shift", server.get("/api/shifts/current", operator).body());
        rows.put("tariff", server.get("/api/tariff", admin).body());
        return rows;
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.httpPort)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /** A real 16x16 JPEG whose frame header is changed to claim {@code w} x {@code h}: 600 bytes. */
    static byte[] jpegClaiming(int w, int hgt) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "jpg", out);
        byte[] b = out.toByteArray();
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xC0) {
                b[i + 5] = (byte) (hgt >> 8);
                b[i + 6] = (byte) hgt;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
        }
        throw new AssertionError("no frame header");
    }

    /** A PNG with a correct header chunk claiming {@code w} x {@code h} and almost no data: under 100 bytes. */
    static byte[] pngClaiming(int w, int hgt) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(hgt).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

package id.parkir.it;

import static id.parkir.it.ParkirServer.JSON;
import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.parkir.camera.rtsp.internal.FakeCamera;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The admin's screens in a real Chromium against the started distribution: dashboard numbers
 * against what the test created, charts drawn, users, zones, the tariff and its calculator (and an
 * exit quote that follows it), a camera from the fake RTSP camera live and recorded, footage played
 * in a video element that advances, a session's entry footage, the activity log filtered, and an
 * operator refused every admin page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminWebIT {
    private static final String ADMIN_PASSWORD = "Utama2026parkir";
    private static final String OPERATOR_PASSWORD = "Kasir2026gerbang";
    private static final Path SHARED = Paths.get(System.getProperty("parkir.shared", "../../shared")).toAbsolutePath();
    private static final Path GATE_PHOTO = SHARED.resolve("data/plates/id_scenes_valid/images/K3-AA1034GX_34f0ca1f.jpg");

    private ParkirServer server;
    private Browser browser;
    private FakeCamera camera;
    private String admin;
    private String operator;
    private String cameraId;
    private long revenue;

    @BeforeAll
    void boot() throws Exception {
        server = ParkirServer.unpack("webadmin");
        server.setConfig("id.parkir.tariff.progressive.cfg", "car.graceMinutes", "0");
        server.setConfig("id.parkir.tariff.progressive.cfg", "motorcycle.graceMinutes", "0");
        server.setConfig("id.parkir.nvr.cfg", "segmentSeconds", "10");
        server.start();
        admin = server.firstAdmin(ADMIN_PASSWORD);
        operator = server.newOperator(admin, "kasir1", OPERATOR_PASSWORD);
        assertEquals(201, server.post("/api/shifts/open", operator, "{\"openingCash\":0}").statusCode());
        // today's traffic: three entries, two of them paid
        String[] tickets = {enter("B1001AA", "car"), enter("B1002BB", "car"), enter("D33CC", "motorcycle")};
        for (int i = 0; i < 2; i++) {
            JsonNode q = json(server.post("/api/capture-exit", operator, "{\"ticket\":\"" + tickets[i] + "\"}"));
            HttpResponse<String> paid = server.post("/api/payments", operator, JSON.writeValueAsString(Map.of(
                    "ticket", tickets[i], "method", "cash", "amountReceived", q.get("fee").get("total").asLong())));
            assertEquals(201, paid.statusCode(), paid.body());
            revenue += q.get("fee").get("total").asLong();
        }
        camera = FakeCamera.start("--image", GATE_PHOTO.toString(), "--size", "832x832", "--bitrate", "3000");
        browser = new Browser(GATE_PHOTO, server.home);
    }

    @AfterAll
    void shutdown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (camera != null) {
            camera.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String enter(String plate, String type) throws Exception {
        HttpResponse<String> r = server.postMultipart("/api/capture-entry", operator,
                Map.of("plate", plate, "vehicleType", type, "gate", "G1"), Files.readAllBytes(GATE_PHOTO));
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("ticket").asText();
    }

    /** Clicks the n-th button under an element found afresh (the camera list re-renders every few seconds). */
    private void clickButton(String css, int n) {
        browser.waitFor(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(browser.js(
                "const e = document.querySelector(arguments[0]); const b = e && e.querySelectorAll('button')[arguments[1]];"
                        + " if (b) b.click(); return !!b", css, n)));
    }

    /** Waits until a video element has played some seconds of footage. */
    private double videoAdvances(String css) {
        return browser.waitFor(Duration.ofSeconds(30), d -> {
            Object t = browser.js("const v = document.querySelector(arguments[0]); return v ? v.currentTime : 0", css);
            double seconds = ((Number) t).doubleValue();
            return seconds > 1.0 ? seconds : null;
        });
    }

    @Test
    @Order(1)
    void dashboardShowsWhatHappenedToday() throws Exception {
        browser.open("http://localhost:" + server.httpPort + "/");
        browser.visible("#login-username").sendKeys("admin", Keys.TAB, ADMIN_PASSWORD, Keys.ENTER);
        browser.textOf("#dash-entries", "3");
        assertEquals("2", browser.visible("#dash-exits").getText());
        assertEquals(String.format("Rp%,d", revenue).replace(',', '.'), browser.visible("#dash-revenue").getText());
        assertEquals("1", browser.visible("#dash-inside").getText());
        browser.waitFor(Duration.ofSeconds(10), d -> !"0".equals(browser.js(
                "return document.getElementById('dash-hourly').dataset.drawn || '0'")));
        Object inked = browser.js("const c = document.getElementById('dash-daily'); const d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n");
        assertTrue(((Number) inked).longValue() > 500, "the 30-day chart is drawn: " + inked + " pixels");
        browser.screenshot("20-admin-dashboard");
    }

    @Test
    @Order(2)
    void usersAddEditDisableAndTheLastAdminIsKept() throws Exception {
        browser.go("admin/users");
        browser.visible("#user-new-name").sendKeys("kasir2");
        browser.visible("#user-new-fullname").sendKeys("Budi <b>Santoso</b>");
        browser.visible("#user-new-password").sendKeys("Awal2026baru", Keys.ENTER);
        WebElement row = browser.visible("#users-table tr[data-username='kasir2']");
        assertEquals("Budi <b>Santoso</b>", row.findElement(By.cssSelector("input")).getAttribute("value"), "markup kept as text");
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        row.findElement(By.cssSelector("button")).click();
        browser.waitFor(Duration.ofSeconds(10), d -> !json(get("/api/users/kasir2")).get("active").asBoolean());
        for (int attempt = 1; ; attempt++) {
            try { // the list re-renders once kasir2's change is saved: the row may be replaced under the test
                WebElement self = browser.visible("#users-table tr[data-username='admin']");
                self.findElement(By.cssSelector("input[type=checkbox]")).click();
                self.findElement(By.cssSelector("button")).click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        browser.waitFor(Duration.ofSeconds(10), d -> browser.driver.findElement(By.cssSelector("#users-table tr[data-username='admin'] .error"))
                .getText().contains("terakhir"));
        assertTrue(json(get("/api/users/admin")).get("active").asBoolean(), "the last admin stays active");
        browser.screenshot("21-admin-users");
    }

    private HttpResponse<String> get(String path) {
        try {
            return server.get(path, admin);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void zonesAddAndOccupancy() throws Exception {
        browser.go("admin/zones");
        browser.visible("#zone-new-code").sendKeys("C");
        browser.visible("#zone-new-name").sendKeys("Rooftop");
        WebElement cars = browser.visible("#zone-new-car");
        cars.clear();
        cars.sendKeys("50", Keys.ENTER);
        browser.visible("#zones-table tr[data-zone='C']");
        JsonNode c = null;
        for (JsonNode z : json(get("/api/zones"))) {
            if (z.get("code").asText().equals("C")) {
                c = z;
            }
        }
        assertEquals(50, c.get("capacity").get("car").asInt());
        assertTrue(browser.visible("#zones-table tr[data-zone='A']").getText().contains("di dalam"));
        browser.screenshot("22-admin-zones");
    }

    @Test
    @Order(4)
    void tariffEditedTheCalculatorAndTheNextExitUseIt() throws Exception {
        browser.go("admin/tariff");
        WebElement first = browser.visible("#tariff-car-firstHour");
        assertEquals("5000", first.getAttribute("value"));
        first.clear();
        first.sendKeys("-1");
        browser.visible("#tariff-save").click();
        browser.waitFor(Duration.ofSeconds(10), d -> !browser.visible("#tariff-error").getText().isEmpty());
        assertEquals(5000, json(get("/api/tariff")).get("types").get("car").get("firstHour").asLong(), "refused: nothing changed");
        first.clear();
        first.sendKeys("7000");
        browser.visible("#tariff-save").click();
        browser.waitFor(Duration.ofSeconds(10), d -> json(get("/api/tariff")).get("types").get("car").get("firstHour").asLong() == 7000);
        assertTrue(Files.readString(server.home.resolve("etc/id.parkir.tariff.progressive.cfg")).matches("(?s).*car\\.firstHour\\s*=\\s*7000.*"),
                "etc/ holds the new value");
        // a stay of 3 h 30 min in the site's time: the page reads the fields in Asia/Jakarta
        browser.js("document.getElementById('calc-entry').value = '2026-11-30T08:00'; document.getElementById('calc-exit').value = '2026-11-30T11:30'");
        browser.visible("#calc-form button[type=submit]").click();
        String total = browser.textOf("#calc-total", "Rp");
        java.time.ZoneId jakarta = java.time.ZoneId.of("Asia/Jakarta");
        JsonNode quote = json(server.post("/api/tariff/quote", admin, JSON.writeValueAsString(Map.of("vehicleType", "car",
                "entryTime", java.time.LocalDateTime.parse("2026-11-30T08:00").atZone(jakarta).toInstant().toString(),
                "exitTime", java.time.LocalDateTime.parse("2026-11-30T11:30").atZone(jakarta).toInstant().toString(), "lostTicket", false))));
        assertEquals(7000 + 3 * 4000, quote.get("total").asLong(), "7.000 for the first hour and 4.000 for each next: " + quote);
        assertEquals(String.format("Rp%,d", quote.get("total").asLong()).replace(',', '.'), total);
        browser.screenshot("23-admin-tariff");
        String ticket = enter("B4444TT", "car");
        browser.waitFor(Duration.ofSeconds(15), d -> {
            try {
                return json(server.post("/api/capture-exit", operator, "{\"ticket\":\"" + ticket + "\"}")).get("fee").get("total").asLong() == 7000;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    @Order(5)
    void cameraAddedLiveAndRecorded() throws Exception {
        browser.go("admin/cameras");
        browser.visible("#cam-name").sendKeys("Gerbang 1 Masuk");
        browser.visible("#cam-url").sendKeys(camera.url);
        new org.openqa.selenium.support.ui.Select(browser.visible("#cam-role")).selectByValue("entry");
        browser.visible("#cam-gate").sendKeys("G1", Keys.ENTER);
        cameraId = browser.visible("#cameras-table tr[data-camera]").getAttribute("data-camera");
        clickButton("#cameras-table tr[data-camera='" + cameraId + "']", 0); // Rekam
        browser.waitFor(Duration.ofSeconds(30), d -> "recording".equals(browser.js(
                "const r = document.querySelector(arguments[0]); return r && r.dataset.state", "#cameras-table tr[data-camera='" + cameraId + "']")));
        clickButton("#cameras-table tr[data-camera='" + cameraId + "']", 1); // Lihat
        browser.waitFor(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(browser.js(
                "const i = document.querySelector('#live-grid img'); return !!i && i.naturalWidth > 0")));
        assertFalse(String.valueOf(browser.js("return document.querySelector('#live-grid img').src")).contains("access_token"),
                "no token in the live view's address");
        browser.screenshot("24-admin-cameras");
    }

    @Test
    @Order(6)
    void aRecordedMomentPlaysInThePage() throws Exception {
        Thread.sleep(15_000); // footage to play
        browser.go("admin/playback/" + cameraId);
        browser.waitFor(Duration.ofSeconds(15), d -> browser.all("#play-timeline .segment").size() > 0);
        WebElement segment = browser.all("#play-timeline .segment").get(0);
        new Actions(browser.driver).moveToElement(segment, 0, 0).click().perform();
        long clicked = System.nanoTime();
        double played = videoAdvances("#play-video video");
        System.out.printf("admin ui: playback advanced %.1f s of footage %d ms after the click%n", played,
                (System.nanoTime() - clicked) / 1_000_000);
        assertFalse(String.valueOf(browser.js("return document.querySelector('#play-video video').src")).contains("access_token"));
        browser.screenshot("25-admin-playback");
    }

    @Test
    @Order(7)
    void aSessionsPageShowsItsEntryFootage() throws Exception {
        String ticket = enter("B5555VV", "car");
        Thread.sleep(12_000); // the seconds after the entry are recorded too
        browser.go("admin/sessions");
        browser.visible("#find-plate").sendKeys("B5555VV", Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(browser.js(
                "const r = document.querySelector(arguments[0]); if (r) r.click(); return !!r", "#sessions-table tr[data-ticket='" + ticket + "']")));
        browser.textOf("#session-facts", "B5555VV");
        double played = videoAdvances("#session-entry-video video");
        assertTrue(played > 1.0);
        browser.waitFor(Duration.ofSeconds(10), d -> browser.all("#session-entry-photo img").size() == 1);
        browser.screenshot("26-admin-session");
    }

    @Test
    @Order(8)
    void activityLogFilteredByKind() throws Exception {
        assertEquals(401, server.login("kasir1", "salah-sekali").statusCode());
        browser.go("admin/activity");
        browser.waitFor(Duration.ofSeconds(10), d -> browser.all("#act-action option").size() > 2);
        String failed = browser.all("#act-action option").stream().map(o -> o.getAttribute("value"))
                .filter(v -> v.contains("FAIL")).findFirst().orElseThrow();
        new org.openqa.selenium.support.ui.Select(browser.visible("#act-action")).selectByValue(failed);
        browser.visible("#activity-form button[type=submit]").click();
        // read in one step in the page: the table is rendered anew by each answer
        browser.waitFor(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.js(
                "const rows = [...document.querySelectorAll('#activity-table tbody tr')];"
                        + " return rows.length > 0 && rows.every((r) => r.dataset.action === arguments[0])", failed)));
        assertTrue(browser.visible("#activity-table").getText().contains("kasir1"));
        browser.screenshot("27-admin-activity");
    }

    @Test
    @Order(9)
    void anOperatorGetsNoAdminPage() throws Exception {
        WebElement bar = browser.visible("#topbar");
        browser.visible("#logout").click();
        browser.waitFor(Duration.ofSeconds(10), org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(bar));
        browser.visible("#login-username").sendKeys("kasir1", Keys.TAB, OPERATOR_PASSWORD, Keys.ENTER);
        browser.visible("#topbar");
        assertTrue(browser.all("#nav a.admin").isEmpty(), "no admin menu");
        for (String page : new String[] {"admin/dashboard", "admin/users", "admin/zones", "admin/tariff", "admin/sessions",
                "admin/cameras", "admin/playback", "admin/activity", "admin/session/ABCDEFGHJK"}) {
            browser.go(page);
            assertEquals(1, browser.all("#screen #forbidden").size(), page);
        }
        for (String api : new String[] {"/api/stats/today", "/api/users", "/api/activity/search"}) {
            assertEquals(403, server.get(api, operator).statusCode(), api);
        }
        assertEquals(403, server.put("/api/tariff", operator, "{}").statusCode());
    }
}

package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * The backup page in a real Chromium: a backup made with a click, downloaded (fetched with the token
 * in a header, saved from a blob: the same bytes as on the server), restored from its row (the vehicle
 * entered after the backup is gone, the admin logs in again over the page), an uploaded archive
 * restored and a file that is no backup refused on the page; the dashboard shows the last backup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupWebIT {
    private static final String PASSWORD = "Halaman2026cadang";
    private static final Path SHARED = Paths.get(System.getProperty("parkir.shared", "../../shared")).toAbsolutePath();
    private static final Path GATE_PHOTO = SHARED.resolve("data/plates/id_scenes_valid/images/K3-AA1034GX_34f0ca1f.jpg");

    private ParkirServer server;
    private Browser browser;
    private String admin;
    private String operator;
    private String backupId;
    private Path downloads;

    @BeforeAll
    void boot() throws Exception {
        server = ParkirServer.unpack("webbackup");
        server.setConfig("id.parkir.backup.cfg", "schedule", "");
        server.start();
        admin = server.firstAdmin(PASSWORD);
        operator = server.newOperator(admin, "kasir1", PASSWORD);
        assertEquals(201, server.post("/api/shifts/open", operator, "{\"openingCash\":0}").statusCode());
        HttpResponse<String> e = server.postMultipart("/api/capture-entry", operator,
                Map.of("plate", "AA1034GX", "vehicleType", "car", "gate", "G1"), Files.readAllBytes(GATE_PHOTO));
        assertEquals(201, e.statusCode(), e.body());
        browser = new Browser(GATE_PHOTO, server.home);
        downloads = server.home.resolve("downloads");
        Files.createDirectories(downloads);
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void shutdown() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void login() {
        browser.visible("#login-username").clear();
        browser.visible("#login-username").sendKeys("admin");
        browser.visible("#login-password").sendKeys(PASSWORD, Keys.ENTER);
        browser.waitFor(Duration.ofSeconds(15), d -> Boolean.TRUE.equals(browser.js("return document.getElementById('login-layer').hidden")));
    }

    /** Waits until the login comes over the page (a restore has ended every session). */
    private void loginAsked() {
        browser.waitFor(Duration.ofSeconds(120), d -> Boolean.FALSE.equals(browser.js("return document.getElementById('login-layer').hidden")));
    }

    private int rows() {
        return browser.all("#backups-table tbody tr[data-backup]").size();
    }

    @Test
    @Order(1)
    void aBackupIsMadeWithAClickAndDownloaded() throws Exception {
        browser.open("http://localhost:" + server.httpPort + "/");
        login();
        browser.go("admin/backups");
        browser.textOf("#backups-table", "Belum ada backup");
        browser.visible("#backup-photo-days").sendKeys("7");
        browser.visible("#backup-create").click();
        browser.waitFor(Duration.ofSeconds(60), d -> rows() == 1 ? true : null);
        JsonNode list = json(server.get("/api/backups", admin));
        backupId = list.get(0).get("id").asText();
        assertEquals(7, list.get(0).get("photoDays").asInt());
        assertEquals(1, list.get(0).get("photoFiles").asInt());
        WebElement row = browser.visible("#backups-table tr[data-backup='" + backupId + "']");
        assertTrue(row.getText().contains("Manual"), row.getText());
        assertTrue(browser.visible("#backup-status").getText().contains("berhasil"));
        browser.screenshot("35-admin-backups");
        row.findElements(By.cssSelector("button")).get(0).click();
        Path saved = downloads.resolve(backupId + ".zip");
        browser.waitFor(Duration.ofSeconds(30), d -> Files.isRegularFile(saved) && !Files.exists(downloads.resolve(backupId + ".zip.crdownload"))
                ? true : null);
        assertEquals(-1L, Files.mismatch(saved, server.home.resolve("parkir-data/backups/" + backupId + ".zip")), "the same bytes");
        assertFalse(String.valueOf(browser.js("return performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
                .contains("token"), "no token in any address");
    }

    @Test
    @Order(2)
    void aBackupIsRestoredFromItsRowAndTheAdminLogsInAgain() throws Exception {
        HttpResponse<String> after = server.post("/api/capture-entry", operator, "{\"plate\":\"B777SET\",\"vehicleType\":\"car\"}");
        assertEquals(201, after.statusCode(), after.body());
        WebElement row = browser.visible("#backups-table tr[data-backup='" + backupId + "']");
        row.findElements(By.cssSelector("button")).get(1).click();
        browser.visible("#backups-table tr[data-backup='" + backupId + "'] .restore-confirm").click();
        // the restored database has no sessions: the login comes over the page
        loginAsked();
        login();
        String text = browser.textOf("#backup-restored", backupId);
        assertTrue(text.contains("Dipulihkan"), text);
        admin = json(server.login("admin", PASSWORD)).get("token").asText();
        assertEquals(0, json(server.get("/api/sessions?status=inside&plate=B777SET", admin)).get("items").size(),
                "the vehicle entered after the backup is gone with the restore");
        assertTrue(browser.visible("#backup-status").getText().contains("Pemulihan terakhir"));
        browser.screenshot("36-admin-backup-restored");
    }

    @Test
    @Order(3)
    void anUploadedArchiveIsRestoredAndAFileThatIsNoBackupIsRefused() throws Exception {
        Path notABackup = server.home.resolve("catatan.zip");
        Files.writeString(notABackup, "ini bukan arsip");
        browser.go("admin/dashboard");
        browser.go("admin/backups");
        browser.visible("#backup-file").sendKeys(notABackup.toString());
        browser.visible("#backup-upload").click();
        browser.visible("#backup-upload-confirm .restore-confirm").click();
        String refused = browser.textOf("#backup-upload-confirm", "tidak ada yang diubah");
        assertTrue(refused.contains("rusak"), refused);
        browser.screenshot("37-admin-backup-refused");
        browser.visible("#backup-file").sendKeys(downloads.resolve(backupId + ".zip").toString());
        browser.visible("#backup-upload").click();
        browser.visible("#backup-upload-confirm .restore-confirm").click();
        loginAsked();
        login();
        browser.textOf("#backup-restored", backupId);
        admin = json(server.login("admin", PASSWORD)).get("token").asText();
        // the database is the backup's again, with this restore logged in it
        assertEquals(1, json(server.get("/api/activity/search?action=BACKUP_RESTORED", admin)).get("total").asInt());
    }

    @Test
    @Order(4)
    void theDashboardShowsTheLastBackup() {
        browser.go("admin/dashboard");
        String last = browser.textOf("#dash-backup-last", "berhasil");
        assertTrue(last.length() > "berhasil".length(), last);
        assertTrue(browser.all("#dash-backup-alert").isEmpty(), "no alert");
    }
}

package id.parkir.it;

import static id.parkir.it.ParkirServer.JSON;
import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The back office's reports against the started distribution with its three exporters: a day made
 * through the API (three entries, a cash payment with change, a lost ticket, a closed shift with
 * a difference), then revenue, traffic, sessions and shifts downloaded as CSV, XLSX and PDF and
 * read back (CSV parsed, XLSX read, PDF text) with the numbers the test made; lost tickets and the
 * activity log; every download in the activity log, and bad requests (dates, kinds, formats,
 * periods, filters, roles, no token) answered 4xx in JSON with nothing logged; parkir:report in
 * the shell; the Laporan page in a real Chromium, whose download is read back too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsIT {
    private static final String ADMIN_PASSWORD = "Laporan2026utama";
    private static final String OPERATOR_PASSWORD = "Kasir2026laporan";
    private static final ZoneId SITE = ZoneId.of("Asia/Jakarta");
    private static final Path SHARED = Paths.get(System.getProperty("parkir.shared", "../../shared")).toAbsolutePath();
    private static final Path GATE_PHOTO = SHARED.resolve("data/plates/id_scenes_valid/images/K3-AA1034GX_34f0ca1f.jpg");
    private static final List<String> FORMATS = List.of("csv", "xlsx", "pdf");
    /** The formats installed (all three, says the first test; the others read back those there are). */
    private final List<String> installed = new ArrayList<>();

    private ParkirServer server;
    private String admin;
    private String operator;
    private LocalDate today;
    private long carFee;
    private long lostFee;
    private long fine;
    private long revenue;
    private long expectedCash;
    private long counted;
    private int downloads;

    @BeforeAll
    void oneDay() throws Exception {
        server = ParkirServer.unpack("reports");
        server.setConfig("id.parkir.tariff.progressive.cfg", "car.graceMinutes", "0");
        server.setConfig("id.parkir.tariff.progressive.cfg", "motorcycle.graceMinutes", "0");
        server.start();
        admin = server.firstAdmin(ADMIN_PASSWORD);
        operator = server.newOperator(admin, "kasir1", OPERATOR_PASSWORD);
        today = LocalDate.now(SITE);
        assertEquals(201, server.post("/api/shifts/open", operator, "{\"openingCash\":100000}").statusCode());
        String car = enter("B1001RA", "car", "G1");
        enter("B1002RB", "car", "G2");
        enter("D33RC", "motorcycle", "G1");
        carFee = json(server.post("/api/capture-exit", operator, "{\"ticket\":\"" + car + "\"}")).get("fee").get("total").asLong();
        pay(car, carFee + 5_000);
        JsonNode lost = json(server.post("/api/capture-exit", operator, "{\"plate\":\"D33RC\",\"lostTicket\":true}"));
        lostFee = lost.get("fee").get("total").asLong();
        fine = json(server.get("/api/tariff", admin)).get("types").get("motorcycle").get("lostTicketFine").asLong();
        pay(lost.get("ticket").asText(), lostFee);
        revenue = carFee + lostFee;
        expectedCash = 100_000 + revenue;
        counted = expectedCash + 1_000;
        HttpResponse<String> closed = server.post("/api/shifts/close", operator, "{\"countedCash\":" + counted + "}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(carFee > 0 && fine > 0 && lostFee > fine, "fees " + carFee + ", " + lostFee + ", fine " + fine);
        json(server.get("/api/report-formats", admin)).forEach(f -> installed.add(f.get("id").asText()));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String enter(String plate, String type, String gate) throws Exception {
        HttpResponse<String> r = server.post("/api/capture-entry", operator, JSON.writeValueAsString(
                Map.of("plate", plate, "vehicleType", type, "gate", gate)));
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("ticket").asText();
    }

    private void pay(String ticket, long received) throws Exception {
        HttpResponse<String> r = server.post("/api/payments", operator, JSON.writeValueAsString(
                Map.of("ticket", ticket, "method", "cash", "amountReceived", received)));
        assertEquals(201, r.statusCode(), r.body());
    }

    private String period() {
        return "from=" + today + "&to=" + today;
    }

    /** A download as the browser gets it: 200, its type, an attachment named after kind and period. */
    private byte[] download(String kind, String format, String query) throws Exception {
        HttpResponse<byte[]> r = server.getBytes("/api/reports/" + kind + "?" + period() + query + "&format=" + format, admin);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        String type = r.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith(Map.of("csv", "text/csv", "xlsx", "application/vnd.openxmlformats", "pdf", "application/pdf")
                .get(format)), type);
        assertEquals("attachment; filename=\"parkir-" + kind + "-" + today + "_" + today + "." + format + "\"",
                r.headers().firstValue("Content-Disposition").orElse(""));
        downloads++;
        Path copy = server.home.resolve("downloads/" + kind + query.replaceAll("[^A-Za-z0-9=]", "_") + "." + format);
        Files.createDirectories(copy.getParent());
        Files.write(copy, r.body()); // for a look after a failure
        return r.body();
    }

    private JsonNode preview(String kind, String query) throws Exception {
        HttpResponse<String> r = server.get("/api/reports/" + kind + "?" + period() + query, admin);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** Column titles by key, in order. */
    private static List<String> titles(JsonNode preview) {
        List<String> titles = new ArrayList<>();
        preview.get("columns").forEach(c -> titles.add(c.get("title").asText()));
        return titles;
    }

    private static String title(JsonNode preview, String key) {
        for (JsonNode c : preview.get("columns")) {
            if (c.get("key").asText().equals(key)) {
                return c.get("title").asText();
            }
        }
        throw new AssertionError("no column " + key);
    }

    private static long number(Object cell) {
        return cell instanceof BigDecimal d ? d.longValueExact() : Long.parseLong(String.valueOf(cell));
    }

    private static String rupiah(long amount) {
        return "Rp" + String.format("%,d", amount).replace(',', '.');
    }

    /**
     * The report in every format, read back: the header is the column titles, {@code rows} data rows,
     * and in the row {@code row} picks (and in the totals, the last row) the figures {@code expected};
     * the PDF's text holds {@code pdfText}.
     */
    private void everyFormat(String kind, String query, int rows, java.util.function.Predicate<List<?>> row,
                             Map<String, Long> expected, Map<String, Long> totals, List<String> pdfText) throws Exception {
        JsonNode preview = preview(kind, query);
        List<String> titles = titles(preview);
        assertEquals(rows, preview.get("rows").size(), preview.toString());
        for (String format : FORMATS.stream().filter(installed::contains).toList()) {
            byte[] file = download(kind, format, query);
            if (format.equals("pdf")) {
                // a narrow column breaks a figure over two lines: compared without the breaks
                String text = ReportFiles.pdfText(file).replaceAll("\\s+", "");
                for (String t : pdfText) {
                    assertTrue(text.contains(t.replaceAll("\\s+", "")), kind + ".pdf has " + t + ": " + text);
                }
                continue;
            }
            List<? extends List<?>> table = format.equals("csv") ? ReportFiles.csv(file) : ReportFiles.xlsx(file, titles.get(0));
            assertEquals(titles, table.get(0).subList(0, titles.size()), kind + "." + format + " header");
            List<? extends List<?>> data = table.subList(1, table.size() - (totals.isEmpty() ? 0 : 1));
            assertEquals(rows, data.size(), kind + "." + format + ": " + table);
            List<?> picked = data.stream().filter(row).findFirst().orElseThrow(() -> new AssertionError(kind + "." + format + ": " + data));
            expected.forEach((key, value) -> assertEquals(value, number(picked.get(titles.indexOf(title(preview, key)))),
                    kind + "." + format + " " + key));
            List<?> last = table.get(table.size() - 1);
            totals.forEach((key, value) -> assertEquals(value, number(last.get(titles.indexOf(title(preview, key)))),
                    kind + "." + format + " total " + key));
        }
    }

    @Test
    @Order(1)
    void theInstalledFormatsAndTheKinds() throws Exception {
        assertEquals(List.of("csv", "pdf", "xlsx"), installed);
        List<String> kinds = new ArrayList<>();
        json(server.get("/api/reports", admin)).forEach(k -> kinds.add(k.get("id").asText()));
        assertEquals(List.of("revenue", "traffic", "sessions", "lost-overnight", "shifts", "activity"), kinds);
    }

    @Test
    @Order(2)
    void revenueInEveryFormat() throws Exception {
        Map<String, Long> figures = Map.of("transactions", 2L, "lostTickets", 1L, "fine", fine, "overnightCharge", 0L,
                "parking", revenue - fine, "method.cash", revenue, "total", revenue);
        everyFormat("revenue", "", 1, r -> true, figures, figures, List.of("Laporan Pendapatan", rupiah(revenue), rupiah(fine)));
        JsonNode byCashier = preview("revenue", "&by=cashier&vehicleType=car");
        assertEquals("kasir1", byCashier.get("rows").get(0).get(0).asText());
        assertEquals(carFee, byCashier.get("totals").get(byCashier.get("columns").size() - 1).asLong());
    }

    @Test
    @Order(3)
    void trafficInEveryFormat() throws Exception {
        everyFormat("traffic", "", 1, r -> true, Map.of("entries", 3L, "exits", 2L), Map.of("entries", 3L, "exits", 2L),
                List.of("Laporan Lalu Lintas Kendaraan"));
        JsonNode hours = preview("traffic", "&by=hour&zone=A");
        assertEquals(24, hours.get("rows").size());
        assertEquals(3, hours.get("totals").get(1).asLong());
    }

    @Test
    @Order(4)
    void sessionsInEveryFormat() throws Exception {
        everyFormat("sessions", "", 3, r -> r.contains("D33RC"), Map.of("fine", fine, "total", lostFee),
                Map.of("fine", fine, "total", revenue), List.of("B1001RA", "B1002RB", "D33RC", rupiah(revenue)));
        JsonNode cars = preview("sessions", "&vehicleType=car&gate=G2");
        assertEquals(1, cars.get("rows").size());
        assertEquals("B1002RB", cars.get("rows").get(0).get(1).asText());
    }

    @Test
    @Order(5)
    void shiftsInEveryFormat() throws Exception {
        Map<String, Long> shift = Map.of("entries", 3L, "exits", 2L, "lostTickets", 1L, "cash", revenue, "cashExpected", expectedCash,
                "countedCash", counted, "difference", 1_000L);
        everyFormat("shifts", "", 1, r -> r.contains("kasir1"), shift, shift,
                List.of("kasir1", rupiah(expectedCash), rupiah(counted), rupiah(1_000)));
    }

    @Test
    @Order(6)
    void lostTicketsAndTheActivityLogOfTheDownloads() throws Exception {
        List<List<String>> lost = ReportFiles.csv(download("lost-overnight", "csv", ""));
        assertEquals(3, lost.size(), "header, the lost ticket, totals: " + lost);
        assertTrue(lost.get(1).contains("D33RC"));
        assertEquals(fine, Long.parseLong(lost.get(2).get(ReportFiles.column(lost.get(0), "Denda tiket hilang"))));
        List<List<String>> log = ReportFiles.csv(download("activity", "csv", "&action=REPORT_DOWNLOADED&lang=en"));
        assertEquals(List.of("Time", "User", "Action", "Detail"), log.get(0));
        // logged as it began, so the log holds this download too, newest first
        assertEquals(downloads, log.size() - 1, "every download: " + log);
        assertTrue(log.get(1).get(3).startsWith("parkir-activity-" + today + "_" + today + ".csv action=REPORT_DOWNLOADED"),
                log.get(1).toString());
        assertTrue(log.get(2).get(3).startsWith("parkir-lost-overnight-" + today + "_" + today + ".csv"), log.get(2).toString());
        assertEquals("admin", log.get(1).get(1));
        assertTrue(log.stream().anyMatch(r -> r.get(3).contains("revenue") && r.get(3).contains("(from ")), "with the address");
    }

    @Test
    @Order(7)
    void badRequestsAreRefusedInJsonAndNotLogged() throws Exception {
        long before = logged();
        String r = "/api/reports/";
        expect(400, "period_invalid", server.get(r + "revenue?from=" + today + "&to=" + today.minusDays(1) + "&format=csv", admin));
        expect(400, "from_invalid", server.get(r + "revenue?from=2026-13-01&to=" + today + "&format=csv", admin));
        expect(400, "period_missing", server.get(r + "revenue?to=" + today + "&format=csv", admin));
        expect(404, "report_kind_unknown", server.get(r + "profit?" + period() + "&format=csv", admin));
        HttpResponse<String> docx = server.get(r + "revenue?" + period() + "&format=docx", admin);
        expect(400, "report_format_unknown", docx);
        assertTrue(json(docx).get("message").asText().contains(String.join(", ", installed)), docx.body());
        expect(400, "period_too_long", server.get(r + "sessions?from=" + today.minusDays(400) + "&to=" + today + "&format=csv", admin));
        expect(400, "by_invalid", server.get(r + "revenue?" + period() + "&by=week&format=csv", admin));
        expect(400, "filter_invalid", server.get(r + "traffic?" + period() + "&cashier=kasir1&format=csv", admin));
        expect(400, "vehicle_type_invalid", server.get(r + "revenue?" + period() + "&vehicleType=tank&format=xlsx", admin));
        expect(400, "parameter_unknown", server.get(r + "revenue?" + period() + "&access_token=x&format=csv", admin));
        expect(400, "lang_invalid", server.get(r + "revenue?" + period() + "&lang=fr&format=pdf", admin));
        for (String path : new String[] {r + "revenue?" + period() + "&format=csv", r + "sessions?" + period(), "/api/reports",
            "/api/report-formats"}) {
            expect(403, "forbidden", server.get(path, operator));
            expect(401, "unauthenticated", server.get(path, null));
        }
        assertEquals(before, logged(), "a refused report is no download");
    }

    private long logged() throws Exception {
        return json(server.get("/api/activity/search?action=REPORT_DOWNLOADED&size=1", admin)).get("total").asLong();
    }

    private static void expect(int status, String error, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
        assertEquals(error, json(response).get("error").asText(), response.body());
        assertFalse(json(response).get("message").asText().isBlank());
    }

    @Test
    @Order(8)
    void theShellWritesAReportOnTheServer() throws Exception {
        Path out = server.home.resolve("revenue.csv");
        String day = today.toString();
        ParkirServer.ShellResult shell = server.ssh("admin", ADMIN_PASSWORD,
                // Karaf's shell takes the options before the arguments
                "parkir:report --from " + day + " --to " + day + " --out " + out + " revenue",
                "parkir:report --from " + day + " --to " + day + " --lang en shifts",
                "parkir:report --from " + day + " --to " + day + " --out " + out + " revenue");
        assertTrue(shell.output().contains("Wrote parkir-revenue-" + day + "_" + day + ".csv (csv)"), shell.output());
        assertTrue(shell.output().contains("exists: give --force"), "no file replaced unasked: " + shell.output());
        assertTrue(shell.output().contains("Shift report") && shell.output().contains(Long.toString(counted)), shell.output());
        List<List<String>> csv = ReportFiles.csv(Files.readAllBytes(out));
        assertEquals(revenue, Long.parseLong(csv.get(csv.size() - 1).get(ReportFiles.column(csv.get(0), "Total"))));
        assertTrue(json(server.get("/api/activity/search?action=REPORT_DOWNLOADED&q=shell", admin)).get("total").asLong() >= 1);
    }

    @Test
    @Order(9)
    void theLaporanPageShowsAndDownloadsAReport() throws Exception {
        Path downloadsDir = Files.createDirectories(server.home.resolve("browser-downloads"));
        try (Browser browser = new Browser(GATE_PHOTO, server.home)) {
            browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloadsDir.toString()));
            browser.open("http://localhost:" + server.httpPort + "/");
            browser.visible("#login-username").sendKeys("admin", Keys.TAB, ADMIN_PASSWORD, Keys.ENTER);
            browser.visible("#topbar");
            browser.go("admin/reports");
            browser.waitFor(Duration.ofSeconds(15), d -> rupiah(revenue).equals(lastTotal(browser)));
            assertEquals(1, browser.all("#rep-table tbody tr").size());
            assertEquals(installed.size(), browser.all("#rep-downloads button").size(), "a button per installed format");
            new Select(browser.visible("#rep-preset")).selectByValue("yesterday");
            browser.textOf("#rep-heading", today.minusDays(1).toString());
            browser.waitFor(Duration.ofSeconds(10), d -> "Rp0".equals(lastTotal(browser)));
            new Select(browser.visible("#rep-preset")).selectByValue("today");
            browser.waitFor(Duration.ofSeconds(10), d -> rupiah(revenue).equals(lastTotal(browser)));
            new Select(browser.visible("#rep-kind")).selectByValue("sessions");
            browser.waitFor(Duration.ofSeconds(10), d -> browser.all("#rep-table tbody tr").size() == 3);
            new Select(browser.visible("#rep-kind")).selectByValue("revenue");
            browser.waitFor(Duration.ofSeconds(10), d -> rupiah(revenue).equals(lastTotal(browser)));
            browser.waitFor(Duration.ofSeconds(10), d -> !"0".equals(browser.js(
                    "return document.getElementById('rep-chart').dataset.drawn || '0'")));
            browser.screenshot("28-admin-reports");
            browser.visible("#rep-downloads button[data-format='csv']").click();
            String name = "parkir-revenue-" + today + "_" + today + ".csv";
            browser.textOf("#rep-status", name);
            Path file = downloadsDir.resolve(name);
            browser.waitFor(Duration.ofSeconds(15), d -> Files.exists(file) && !Files.exists(downloadsDir.resolve(name + ".crdownload")));
            List<List<String>> csv = ReportFiles.csv(Files.readAllBytes(file));
            assertEquals(revenue, Long.parseLong(csv.get(csv.size() - 1).get(ReportFiles.column(csv.get(0), "Total"))));
            assertEquals(rupiah(fine), browser.all("#rep-table tfoot th").get(titleIndex(browser, "Denda tiket hilang")).getText());
        }
    }

    /** The last cell of the page's totals row (the total), read in one step: the table is rendered anew by each answer. */
    private static String lastTotal(Browser browser) {
        return String.valueOf(browser.js("const c = document.querySelectorAll('#rep-table tfoot th');"
                + " return c.length ? c[c.length - 1].textContent : ''"));
    }

    private static int titleIndex(Browser browser, String title) {
        List<String> heads = new ArrayList<>();
        browser.all("#rep-table thead th").forEach(th -> heads.add(th.getText()));
        return ReportFiles.column(heads, title);
    }
}

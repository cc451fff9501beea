package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A site upgrades: the database that Parkir 0.1.0 wrote (users, zones, shifts, paid stays and
 * vehicles still inside; {@code bundles/id.parkir.store.jpa/src/test/resources/parkir-0.1.0-derby.zip})
 * is put under the new distribution, which migrates it on its first start and carries on with it.
 */
class UpgradeIT {
    private static final Path OLD_DATABASE = Paths.get(System.getProperty("parkir.upgrade.database",
            "../bundles/id.parkir.store.jpa/src/test/resources/parkir-0.1.0-derby.zip")).toAbsolutePath();
    private static final String OLD_ADMIN_PASSWORD = "Lama2026pass";

    @Test
    void aDatabaseOfRelease010IsMigratedOnFirstStartAndKeepsWorking() throws Exception {
        try (ParkirServer server = ParkirServer.unpack("upgrade")) {
            Path derby = server.home.resolve("parkir-data/derby");
            java.nio.file.Files.createDirectories(derby);
            ParkirServer.unzip(OLD_DATABASE, derby);
            server.start();

            HttpResponse<String> login = server.login("admin", OLD_ADMIN_PASSWORD);
            // while the migrated store and the late resources (reports, backups) register, CXF may
            // answer "No service was found." for a moment (README, Known limitations): try again
            for (int i = 0; i < 100 && login.statusCode() == 404; i++) {
                Thread.sleep(200);
                login = server.login("admin", OLD_ADMIN_PASSWORD);
            }
            assertEquals(200, login.statusCode(), login.body());
            assertFalse(json(login).get("mustChangePassword").asBoolean(), "the admin changed its password under 0.1.0");
            String admin = json(login).get("token").asText();
            assertTrue(json(server.login("kasir1", "Awal2026pass")).get("mustChangePassword").asBoolean());

            JsonNode inside = json(server.get("/api/sessions?status=inside", admin));
            assertEquals(Set.of("STQE99V90V", "WZ0MR7W74M", "DPRHHS4XEH"), tickets(inside));
            JsonNode occupancy = json(server.get("/api/occupancy", admin));
            assertEquals(2, slot(occupancy, "A", "car").get("inside").asInt());
            assertEquals(1, slot(occupancy, "A", "motorcycle").get("inside").asInt());
            assertEquals(200, slot(occupancy, "B", "car").get("capacity").asInt());
            assertEquals(50, slot(occupancy, "B", "motorcycle").get("capacity").asInt());

            HttpResponse<String> again = server.post("/api/capture-entry", admin, "{\"plate\":\"AB 12 CD\",\"vehicleType\":\"motorcycle\"}");
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains("STQE99V90V"), again.body());
            assertEquals(2, json(server.get("/api/shifts/current", admin)).get("id").asLong(), "the open shift stays open");
            assertEquals(409, server.post("/api/shifts/open", admin, "{\"openingCash\":0}").statusCode());

            List<String> receipts = new ArrayList<>();
            for (String ticket : List.of("DPRHHS4XEH", "WZ0MR7W74M")) {
                assertEquals(200, server.post("/api/capture-exit", admin, "{\"ticket\":\"" + ticket + "\"}").statusCode());
                HttpResponse<String> paid = server.post("/api/payments", admin,
                        "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":200000}");
                assertEquals(201, paid.statusCode(), paid.body());
                receipts.add(json(paid).get("receiptNo").asText());
            }
            // the fixture's day numbered its receipts 1 and 2; any other day starts its own series at 1
            String first = receipts.get(0);
            long firstNumber = Long.parseLong(first.substring(8));
            assertEquals(first.startsWith("R261201-") ? 3 : 1, firstNumber, first);
            assertEquals(first.substring(0, 8) + String.format("%06d", firstNumber + 1), receipts.get(1));
            assertNotEquals("R261201-000001", first);

            JsonNode report = json(server.post("/api/shifts/close", admin, "{\"countedCash\":50000}"));
            assertEquals(2, report.get("exits").asLong(), report.toString());
            assertTrue(server.get("/api/activity?limit=50", admin).body().contains("LOGIN_FAILED"), "0.1.0's log is kept");
            JsonNode left = json(server.get("/api/occupancy", admin));
            assertEquals(0, slot(left, "A", "car").get("inside").asInt(), "the slots are given back");
            server.stop();

            try (Connection db = DriverManager.getConnection("jdbc:derby:" + derby.resolve("parkir"));
                 Statement s = db.createStatement();
                 ResultSet history = s.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\""
                         + " ORDER BY \"installed_rank\"")) {
                List<String> rows = new ArrayList<>();
                while (history.next()) {
                    rows.add(history.getString(1) + " " + history.getString(2) + " " + history.getBoolean(3));
                }
                // 0.1.0 is recorded as version 1, then every shipped migration from 2 on is applied
                List<String> expected = new ArrayList<>(List.of("1 BASELINE true"));
                for (int v = 2; v <= rows.size(); v++) {
                    expected.add(v + " SQL true");
                }
                assertTrue(rows.size() >= 2, rows.toString());
                assertEquals(expected, rows);
            } finally {
                try {
                    DriverManager.getConnection("jdbc:derby:" + derby.resolve("parkir") + ";shutdown=true");
                } catch (SQLException expected) {
                    // 08006: shut down
                }
            }
        }
    }

    private static Set<String> tickets(JsonNode page) {
        Set<String> tickets = new TreeSet<>();
        page.get("items").forEach(i -> tickets.add(i.get("ticket").asText()));
        return tickets;
    }

    private static JsonNode slot(JsonNode occupancy, String zone, String type) {
        for (JsonNode z : occupancy) {
            if (z.get("zone").asText().equals(zone)) {
                for (JsonNode t : z.get("vehicleTypes")) {
                    if (t.get("vehicleType").asText().equals(type)) {
                        return t;
                    }
                }
            }
        }
        throw new AssertionError("no " + zone + "/" + type + " in " + occupancy);
    }
}

package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Parkir servers on one real PostgreSQL (started here from Maven Central's binaries, the way
 * a site configures it: {@code etc/org.ops4j.datasource-parkir.cfg}). They start at the same time
 * on the empty database (one migrates, the other waits for it), then act as one: the rules hold
 * across both, and a server killed with SIGKILL in the middle of the traffic loses nothing it
 * acknowledged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterIT {
    private static final String PASSWORD = "Gugus2026parkir";
    private EmbeddedPostgres postgres;
    private ParkirServer a;
    private ParkirServer b;
    private String admin;
    private String gateA;
    private String gateB;
    private SharedRules rules;

    @BeforeAll
    void boot() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE parkir LOGIN PASSWORD 'parkir-db-pw'");
            s.execute("CREATE DATABASE parkir OWNER parkir");
        }
        a = onPostgres(ParkirServer.unpack("pg-a"));
        b = onPostgres(ParkirServer.unpack("pg-b"));
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<?> startA = starting.submit(() -> {
                a.start();
                return null;
            });
            Future<?> startB = starting.submit(() -> {
                b.start();
                return null;
            });
            startA.get();
            startB.get();
        } finally {
            starting.shutdown();
        }
        admin = a.firstAdmin(PASSWORD);
        gateA = a.newOperator(admin, "gerbang", PASSWORD);
        gateB = json(b.login("gerbang", PASSWORD)).get("token").asText();
        rules = new SharedRules(a, gateA, b, gateB);
    }

    private ParkirServer onPostgres(ParkirServer server) throws IOException {
        String cfg = "org.ops4j.datasource-parkir.cfg";
        server.setConfig(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver");
        server.setConfig(cfg, "url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/parkir");
        server.setConfig(cfg, "user", "parkir");
        server.setConfig(cfg, "password", "parkir-db-pw");
        return server;
    }

    @AfterAll
    void shutdown() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void whatOneServerWritesTheOtherSees() throws Exception {
        assertEquals(200, b.get("/api/auth/me", admin).statusCode(), "a token from one server works at the other");
        String ticket = rules.enter("B7001PG", "car", null);
        JsonNode atB = json(b.get("/api/sessions?status=inside&plate=B7001PG", gateB));
        assertEquals(ticket, atB.get("items").get(0).get("ticket").asText());
        assertEquals(200, b.post("/api/capture-exit", gateB, "{\"ticket\":\"" + ticket + "\"}").statusCode());
        HttpResponse<String> paid = b.post("/api/payments", gateB, "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":10000}");
        assertEquals(201, paid.statusCode(), paid.body());
        assertEquals("paid", json(a.get("/api/sessions?plate=B7001PG", gateA)).get("items").get(0).get("status").asText());
    }

    @Test
    @Order(2)
    void onePlateInsideAtATime() throws Exception {
        rules.onePlateInsideAtATime("D");
    }

    @Test
    @Order(3)
    void oneReceiptPerTicket() throws Exception {
        rules.oneReceiptPerTicket("F");
    }

    @Test
    @Order(4)
    void zoneCapacityHoldsAcrossServers() throws Exception {
        rules.zoneCapacityHolds(admin, "BUSPG", "L");
    }

    @Test
    @Order(5)
    void receiptNumbersAreUniqueAndGaplessAcrossServers() throws Exception {
        rules.receiptNumbersAreUniqueAndGapless("T", 20);
    }

    @Test
    @Order(6)
    void oneOpenShiftPerUserAcrossServers() throws Exception {
        rules.oneOpenShiftPerUser();
    }

    @Test
    @Order(7)
    void lockOutHoldsAcrossServers() throws Exception {
        rules.lockOutHoldsAcrossServers(admin, "korban");
    }

    @Test
    @Order(8)
    void aServerKilledMidLoadLosesNothingItAcknowledged() throws Exception {
        Map<String, String> entered = new ConcurrentHashMap<>();   // ticket -> plate, answered 201
        Map<String, String> receipts = new ConcurrentHashMap<>();  // ticket -> receipt, answered 201
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService gates = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            String region = new String[] {"AB", "AD", "BK", "DK"}[g];
            running.add(gates.submit(() -> {
                for (int i = 1; !killed.get() && i < 9999; i++) {
                    try {
                        String plate = region + i + "KL";
                        HttpResponse<String> e = a.post("/api/capture-entry", gateA, "{\"plate\":\"" + plate + "\",\"vehicleType\":\"motorcycle\"}");
                        if (e.statusCode() != 201) {
                            continue;
                        }
                        String ticket = json(e).get("ticket").asText();
                        entered.put(ticket, plate);
                        HttpResponse<String> p = a.post("/api/payments", gateA,
                                "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":20000}");
                        if (p.statusCode() == 201) {
                            receipts.put(ticket, json(p).get("receiptNo").asText());
                        }
                    } catch (IOException | RuntimeException serverGone) {
                        return null;
                    }
                }
                return null;
            }));
        }
        while (receipts.size() < 40) {
            Thread.sleep(100);
        }
        a.kill();
        killed.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        gates.shutdown();
        assertTrue(entered.size() >= 40, "traffic ran before the kill: " + entered.size());
        for (Map.Entry<String, String> e : entered.entrySet()) {
            JsonNode found = json(b.get("/api/sessions?plate=" + e.getValue(), gateB)).get("items");
            assertEquals(1, found.size(), e.toString());
            assertEquals(e.getKey(), found.get(0).get("ticket").asText());
            String receipt = receipts.get(e.getKey());
            if (receipt != null) {
                assertEquals("paid", found.get(0).get("status").asText(), e.toString());
                assertEquals(receipt, found.get(0).get("receiptNo").asText(), e.toString());
            }
        }
        a.start();
        assertEquals(200, a.get("/api/auth/me", gateA).statusCode(), "the killed server comes back on the same database");
    }
}

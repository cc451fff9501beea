package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.it.slowpay.SlowPayment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many gates at one server on embedded Derby at the same moment: the rules hold (the same checks
 * as two servers on PostgreSQL, {@link PostgresClusterIT}), and a slow payment provider stalls
 * only its own gate, because no plugin is called inside a transaction or a lock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {
    private ParkirServer server;
    private String admin;
    private SharedRules rules;

    @BeforeAll
    void boot() throws Exception {
        server = ParkirServer.unpack("concurrency");
        server.start();
        admin = server.firstAdmin("Serentak2026kunci");
        String gateA = server.newOperator(admin, "gerbang", "Serentak2026gate");
        String gateB = json(server.login("gerbang", "Serentak2026gate")).get("token").asText();
        rules = new SharedRules(server, gateA, server, gateB);
    }

    @AfterAll
    void shutdown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onePlateInsideAtATime() throws Exception {
        rules.onePlateInsideAtATime("D");
    }

    @Test
    void oneReceiptPerTicket() throws Exception {
        rules.oneReceiptPerTicket("F");
    }

    @Test
    void zoneCapacityHolds() throws Exception {
        rules.zoneCapacityHolds(admin, "BUSD", "L");
    }

    @Test
    void receiptNumbersAreUniqueAndGapless() throws Exception {
        rules.receiptNumbersAreUniqueAndGapless("T", 20);
    }

    @Test
    void lockOutHoldsWhateverTheConcurrency() throws Exception {
        rules.lockOutHoldsAcrossServers(admin, "korban");
    }

    @Test
    void oneOpenShiftPerUser() throws Exception {
        rules.oneOpenShiftPerUser();
    }

    @Test
    void aSlowPaymentProviderDelaysOnlyItsOwnGate() throws Exception {
        Path bundle = server.home.resolve("deploy/id.parkir.it.slowpay.jar");
        writeSlowPaymentBundle(bundle);
        for (int i = 0; i < 120 && !server.get("/api/payment-methods", admin).body().contains("\"slow\""); i++) {
            Thread.sleep(500);
        }
        assertTrue(server.get("/api/payment-methods", admin).body().contains("\"slow\""), "the slow method was not installed");
        String slowTicket = rules.enter("E1SLW", "car", null);
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return server.post("/api/payments", admin, "{\"ticket\":\"" + slowTicket + "\",\"method\":\"slow\"}");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000); // the slow payment is now inside its provider
        for (int i = 0; i < 5; i++) {
            String ticket = rules.enter("E" + (10 + i) + "FST", "car", null);
            assertEquals(200, server.post("/api/capture-exit", admin, "{\"ticket\":\"" + ticket + "\"}").statusCode());
            HttpResponse<String> paid = server.post("/api/payments", admin,
                    "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000}");
            assertEquals(201, paid.statusCode(), paid.body());
        }
        assertFalse(slow.isDone(), "five other vehicles went in, were quoted and paid while the slow provider still worked");
        HttpResponse<String> slowPaid = slow.get();
        assertEquals(201, slowPaid.statusCode(), slowPaid.body());
        assertEquals("slow", json(slowPaid).get("method").asText());
    }

    /** A bundle of {@link SlowPayment}: DS component "slow" providing the PaymentMethod contract. */
    private static void writeSlowPaymentBundle(Path jar) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "id.parkir.it.slowpay");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "id.parkir.api;version=\"[0.1,1)\"");
        a.putValue("Service-Component", "OSGI-INF/slowpay.xml");
        Path tmp = jar.resolveSibling("slowpay.tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), m)) {
            String cls = SlowPayment.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(cls));
            try (var in = SlowPayment.class.getClassLoader().getResourceAsStream(cls)) {
                in.transferTo(out);
            }
            out.putNextEntry(new JarEntry("OSGI-INF/slowpay.xml"));
            write(out, "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"id.parkir.it.slowpay\">"
                    + "<implementation class=\"" + SlowPayment.class.getName() + "\"/>"
                    + "<service><provide interface=\"id.parkir.api.PaymentMethod\"/></service>"
                    + "<property name=\"parkir.id\" value=\"slow\"/><property name=\"parkir.name\" value=\"Slow provider\"/>"
                    + "</scr:component>");
        }
        Files.move(tmp, jar);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

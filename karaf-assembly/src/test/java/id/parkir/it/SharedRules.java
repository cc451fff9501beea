package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rules that must hold however many gates and servers act at the same moment, checked over
 * HTTP against two servers on one database ({@code a} and {@code b} may be the same server):
 * requests are released together from a latch, half to each server.
 */
final class SharedRules {
    private final ParkirServer a;
    private final ParkirServer b;
    private final String tokenA;
    private final String tokenB;

    /** Tokens live in the database, so one login serves both servers; two make the calls more alike. */
    SharedRules(ParkirServer a, String tokenA, ParkirServer b, String tokenB) {
        this.a = a;
        this.b = b;
        this.tokenA = tokenA;
        this.tokenB = tokenB;
    }

    /** The same plate entered at both servers at once, again and again: one 201, the rest 409 plate_inside. */
    void onePlateInsideAtATime(String region) throws Exception {
        for (int round = 1; round <= 5; round++) {
            String plate = region + (100 + round) + "KR";
            List<HttpResponse<String>> answers = together(8, i -> server(i).post("/api/capture-entry", token(i),
                    "{\"plate\":\"" + plate + "\",\"vehicleType\":\"car\"}"));
            assertEquals(1, count(answers, 201), bodies(answers));
            assertEquals(7, count(answers, 409), bodies(answers));
            answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertEquals("plate_inside", json(r).get("error").asText()));
            assertEquals(1, json(b.get("/api/sessions?status=inside&plate=" + plate, tokenB)).get("total").asLong());
        }
    }

    /** A ticket paid at both servers at once: one receipt, the others 409, and the slot given back once. */
    void oneReceiptPerTicket(String region) throws Exception {
        for (int round = 1; round <= 4; round++) {
            String ticket = enter(region + (200 + round) + "PY", "car", null);
            List<HttpResponse<String>> answers = together(8, i -> server(i).post("/api/payments", token(i),
                    "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000}"));
            assertEquals(1, count(answers, 201), bodies(answers));
            assertEquals(7, count(answers, 409), bodies(answers));
        }
        String ticket = enter(region + "300PY", "car", null);
        List<HttpResponse<String>> retried = together(6, i -> server(i).post("/api/payments", token(i),
                "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000,\"idempotencyKey\":\"retry-" + ticket + "\"}"));
        assertEquals(6, count(retried, 201), "retries with one key all get the receipt: " + bodies(retried));
        assertEquals(1, retried.stream().map(r -> json(r).get("receiptNo").asText()).distinct().count(), bodies(retried));
    }

    /** A zone with 5 bus slots and 12 buses arriving at both servers at once: 5 get in, 7 are told it is full. */
    void zoneCapacityHolds(String adminToken, String zone, String region) throws Exception {
        HttpResponse<String> made = a.put("/api/zones/" + zone, adminToken,
                "{\"name\":\"Bus " + zone + "\",\"capacity\":{\"bus\":5,\"car\":0,\"motorcycle\":0,\"truck\":0}}");
        assertEquals(200, made.statusCode(), made.body());
        List<HttpResponse<String>> answers = together(12, i -> server(i).post("/api/capture-entry", token(i),
                "{\"plate\":\"" + region + (500 + i) + "BS\",\"vehicleType\":\"bus\",\"zone\":\"" + zone + "\"}"));
        assertEquals(5, count(answers, 201), bodies(answers));
        assertEquals(7, count(answers, 409), bodies(answers));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertEquals("zone_full", json(r).get("error").asText()));
        for (ParkirServer s : List.of(a, b)) {
            for (JsonNode z : json(s.get("/api/occupancy", s == a ? tokenA : tokenB))) {
                if (z.get("zone").asText().equals(zone)) {
                    z.get("vehicleTypes").forEach(t -> {
                        if (t.get("vehicleType").asText().equals("bus")) {
                            assertEquals(5, t.get("inside").asInt(), z.toString());
                            assertEquals(0, t.get("free").asInt(), z.toString());
                        }
                    });
                }
            }
        }
    }

    /** Payments at both servers at once take receipt numbers that are unique and leave no gap. */
    void receiptNumbersAreUniqueAndGapless(String region, int vehicles) throws Exception {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < vehicles; i++) {
            tickets.add(enter(region + (1000 + i) + "RC", i % 2 == 0 ? "car" : "motorcycle", null));
        }
        List<HttpResponse<String>> answers = together(vehicles, i -> server(i).post("/api/payments", token(i),
                "{\"ticket\":\"" + tickets.get(i) + "\",\"method\":\"cash\",\"amountReceived\":100000}"));
        assertEquals(vehicles, count(answers, 201), bodies(answers));
        Map<String, TreeSet<Long>> series = new TreeMap<>();
        for (HttpResponse<String> r : answers) {
            String receipt = json(r).get("receiptNo").asText();
            assertTrue(receipt.matches("R\\d{6}-\\d{6}"), receipt);
            assertTrue(series.computeIfAbsent(receipt.substring(0, 7), k -> new TreeSet<>())
                    .add(Long.parseLong(receipt.substring(8))), "receipt number given twice: " + receipt);
        }
        // all paid at one moment: one day's series (two if the test ran over midnight), each without a hole
        for (TreeSet<Long> numbers : series.values()) {
            assertEquals(numbers.size(), numbers.last() - numbers.first() + 1, "gap in " + numbers);
        }
    }

    /** Opening a shift at both servers at once: one shift. */
    void oneOpenShiftPerUser() throws Exception {
        a.post("/api/shifts/close", tokenA, "{\"countedCash\":0}");
        List<HttpResponse<String>> answers = together(6, i -> server(i).post("/api/shifts/open", token(i), "{\"openingCash\":50000}"));
        assertEquals(1, count(answers, 201), bodies(answers));
        assertEquals(5, count(answers, 409), bodies(answers));
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertEquals("shift_already_open", json(r).get("error").asText()));
        List<HttpResponse<String>> closes = together(4, i -> server(i).post("/api/shifts/close", token(i), "{\"countedCash\":50000}"));
        assertEquals(1, count(closes, 200), bodies(closes));
        assertEquals(3, count(closes, 409), bodies(closes));
    }

    /** Wrong passwords for one account at both servers at once: at most 5 are tried, the rest are 423. */
    void lockOutHoldsAcrossServers(String adminToken, String username) throws Exception {
        HttpResponse<String> made = a.post("/api/users", adminToken, "{\"username\":\"" + username
                + "\",\"role\":\"operator\",\"password\":\"Awal2026pass\"}");
        assertEquals(201, made.statusCode(), made.body());
        List<HttpResponse<String>> answers = together(16, i -> server(i).login(username, "salah" + i));
        assertEquals(5, count(answers, 401), bodies(answers));
        assertEquals(11, count(answers, 423), bodies(answers));
        assertEquals(423, b.login(username, "Awal2026pass").statusCode(), "locked at both servers, right password or not");
    }

    String enter(String plate, String type, String zone) throws Exception {
        HttpResponse<String> r = a.post("/api/capture-entry", tokenA, "{\"plate\":\"" + plate + "\",\"vehicleType\":\"" + type + "\""
                + (zone == null ? "" : ",\"zone\":\"" + zone + "\"") + "}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("ticket").asText();
    }

    private ParkirServer server(int i) {
        return i % 2 == 0 ? a : b;
    }

    private String token(int i) {
        return i % 2 == 0 ? tokenA : tokenB;
    }

    interface Call {
        HttpResponse<String> send(int i) throws Exception;
    }

    /** {@code n} calls released at the same instant, each on its own thread. */
    static List<HttpResponse<String>> together(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<HttpResponse<String>> task = () -> {
                    start.await();
                    return call.send(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return Collections.unmodifiableList(answers);
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    static String bodies(List<HttpResponse<String>> answers) {
        StringBuilder s = new StringBuilder();
        answers.forEach(r -> s.append(r.statusCode()).append(' ').append(r.body()).append('\n'));
        return s.toString();
    }
}

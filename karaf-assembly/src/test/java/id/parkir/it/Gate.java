package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

/** One gate in a benchmark: an operator's token, plates of its own, and the latencies it records. */
final class Gate {
    static final class Timings {
        final Latencies entry = new Latencies();
        final Latencies quote = new Latencies();
        final Latencies payment = new Latencies();
    }

    private static final String[] REGIONS = {"B", "D", "F", "T", "AB", "AD", "BK", "DK"};
    private final ParkirServer server;
    private final String token;
    private final String region;
    private int next;
    Timings timings = new Timings();

    Gate(ParkirServer server, String token, int number) {
        this.server = server;
        this.token = token;
        this.region = REGIONS[number - 1];
    }

    void openShift() throws Exception {
        HttpResponse<String> r = server.post("/api/shifts/open", token, "{\"openingCash\":100000}");
        assertEquals(201, r.statusCode(), r.body());
    }

    long closeShift() throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = server.post("/api/shifts/close", token, "{\"countedCash\":100000}");
        long took = System.nanoTime() - t;
        assertEquals(200, r.statusCode(), r.body());
        return took;
    }

    /** Vehicles that stay inside (plates KB1..KBn) so that the lot is not empty while measuring. */
    void parkBackground(int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            HttpResponse<String> r = server.post("/api/capture-entry", token, "{\"plate\":\"KB" + i + "XY\",\"vehicleType\":\"car\"}");
            assertEquals(201, r.statusCode(), r.body());
        }
    }

    long timed(String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = server.get(path, token);
        long took = System.nanoTime() - t;
        assertEquals(200, r.statusCode(), r.body());
        return took;
    }

    /** Entry, exit quote and cash payment of one vehicle per cycle, each answered 2xx. */
    void cycles(int count, boolean record) throws Exception {
        for (int i = 0; i < count; i++) {
            next++;
            String plate = region + (1 + next % 9999) + (char) ('A' + (next / 9999) % 20) + "Z";
            long a = System.nanoTime();
            HttpResponse<String> e = server.post("/api/capture-entry", token,
                    "{\"plate\":\"" + plate + "\",\"vehicleType\":\"" + (next % 2 == 0 ? "car" : "motorcycle") + "\"}");
            long b = System.nanoTime();
            assertEquals(201, e.statusCode(), e.body());
            String ticket = json(e).get("ticket").asText();
            HttpResponse<String> q = server.post("/api/capture-exit", token, "{\"ticket\":\"" + ticket + "\"}");
            long c = System.nanoTime();
            assertEquals(200, q.statusCode(), q.body());
            HttpResponse<String> p = server.post("/api/payments", token,
                    "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":100000}");
            long d = System.nanoTime();
            assertEquals(201, p.statusCode(), p.body());
            if (record) {
                timings.entry.add(b - a);
                timings.quote.add(c - b);
                timings.payment.add(d - c);
            }
        }
    }
}

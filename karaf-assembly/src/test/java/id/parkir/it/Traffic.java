package id.parkir.it;

import static id.parkir.it.ParkirServer.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gates driving a server in parallel until stopped: each gate (an operator's token with an open
 * shift) enters a vehicle, quotes its exit and pays cash, again and again. Every acknowledged (2xx)
 * entry and payment is recorded in order with the moment its answer came, and every call's start
 * and end, so that a test can say what a backup must hold and a benchmark how long a gate waited.
 */
final class Traffic implements AutoCloseable {
    private static final String[] REGIONS = {"B", "D", "F", "T", "AB", "AD", "BK", "DK"};

    /** One acknowledged write: an entry (ticket) or a payment (ticket and receipt), answered at {@code ackNanos}. */
    record Ack(String kind, String ticket, String receipt, long ackNanos) {
    }

    /** One call: when it was sent and answered, what it was, its status. */
    record Call(String kind, long startNanos, long endNanos, int status) {
        long nanos() {
            return endNanos - startNanos;
        }
    }

    private final ParkirServer server;
    private final List<String> tokens;
    private final List<List<Ack>> acks = new ArrayList<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService pool;
    private final List<Future<?>> gates = new ArrayList<>();

    Traffic(ParkirServer server, List<String> tokens) {
        this.server = server;
        this.tokens = tokens;
        for (int i = 0; i < tokens.size(); i++) {
            acks.add(Collections.synchronizedList(new ArrayList<>()));
        }
    }

    void start(int offset) {
        running.set(true);
        pool = Executors.newFixedThreadPool(tokens.size());
        for (int g = 0; g < tokens.size(); g++) {
            int gate = g;
            gates.add(pool.submit(() -> drive(gate, offset)));
        }
    }

    private void drive(int gate, int offset) {
        String token = tokens.get(gate);
        String region = REGIONS[gate % REGIONS.length];
        for (int n = offset; running.get(); n++) {
            String plate = region + (1 + n % 9999) + (char) ('A' + (n / 9999) % 20) + "Q";
            String type = n % 2 == 0 ? "car" : "motorcycle";
            try {
                HttpResponse<String> e = call("entry", () -> server.post("/api/capture-entry", token,
                        "{\"plate\":\"" + plate + "\",\"vehicleType\":\"" + type + "\"}"));
                if (e.statusCode() != 201) {
                    failures.add("entry " + plate + ": " + e.statusCode() + " " + e.body());
                    continue;
                }
                String ticket = json(e).get("ticket").asText();
                acks.get(gate).add(new Ack("entry", ticket, null, System.nanoTime()));
                HttpResponse<String> q = call("quote", () -> server.post("/api/capture-exit", token, "{\"ticket\":\"" + ticket + "\"}"));
                if (q.statusCode() != 200) {
                    failures.add("quote " + ticket + ": " + q.statusCode() + " " + q.body());
                    continue;
                }
                HttpResponse<String> p = call("payment", () -> server.post("/api/payments", token,
                        "{\"ticket\":\"" + ticket + "\",\"method\":\"cash\",\"amountReceived\":200000}"));
                if (p.statusCode() != 201) {
                    failures.add("payment " + ticket + ": " + p.statusCode() + " " + p.body());
                    continue;
                }
                acks.get(gate).add(new Ack("payment", ticket, json(p).get("receiptNo").asText(), System.nanoTime()));
            } catch (Exception ex) {
                failures.add(plate + ": " + ex);
            }
        }
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private HttpResponse<String> call(String kind, Request request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = request.send();
        calls.add(new Call(kind, t0, System.nanoTime(), r.statusCode()));
        return r;
    }

    /** Stops the gates after their current vehicle. */
    void stop() throws Exception {
        running.set(false);
        for (Future<?> f : gates) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    /** The acknowledged writes of each gate, in the order they were answered. */
    List<List<Ack>> acks() {
        List<List<Ack>> copy = new ArrayList<>();
        for (List<Ack> a : acks) {
            synchronized (a) {
                copy.add(List.copyOf(a));
            }
        }
        return copy;
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws Exception {
        if (running.get()) {
            stop();
        }
    }
}

package id.parkir.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The tally of a hostile test run: every request sent, what it should have got, what it got. A
 * refusal is expected to be a 4xx in the documented JSON shape; a 5xx or a 2xx where a refusal
 * was due is a defect.
 */
final class Hostile {
    private final List<String> defects = new ArrayList<>();
    private int sent;
    private int serverErrors;
    private int wronglyAccepted;

    /** A request that must be refused with {@code status} (and, if not null, that error code). */
    HttpResponse<String> refused(String what, int status, String code, HttpResponse<String> r) {
        sent++;
        count(what, r);
        if (r.statusCode() < 300) {
            wronglyAccepted++;
            defects.add("accepted: " + what + " -> " + r.statusCode() + " " + shorten(r.body()));
        } else if (r.statusCode() != status || code != null && !code.equals(error(r))) {
            defects.add("wrong refusal: " + what + " -> " + r.statusCode() + " " + shorten(r.body()) + " (wanted " + status
                    + (code == null ? "" : " " + code) + ")");
        } else if (error(r) == null) {
            defects.add("refusal not in the JSON shape: " + what + " -> " + shorten(r.body()));
        }
        return r;
    }

    /** A request whose answer must satisfy {@code ok} (used for races, where one wins and the rest are refused). */
    HttpResponse<String> answered(String what, IntPredicate ok, HttpResponse<String> r) {
        sent++;
        count(what, r);
        if (!ok.test(r.statusCode())) {
            defects.add("unexpected: " + what + " -> " + r.statusCode() + " " + shorten(r.body()));
        }
        return r;
    }

    /** A raw exchange (below HTTP clients' checks): status and body as the server wrote them. */
    void refusedRaw(String what, int status, String rawAnswer) {
        sent++;
        int got = rawAnswer.startsWith("HTTP/1.1 ") ? Integer.parseInt(rawAnswer.substring(9, 12)) : -1;
        if (got >= 500) {
            serverErrors++;
        }
        if (got != status || !rawAnswer.contains("application/json") || !rawAnswer.contains("\"error\"")) {
            defects.add("raw " + what + " -> " + shorten(rawAnswer));
        }
    }

    void wrongAcceptance(String what) {
        wronglyAccepted++;
        defects.add("accepted: " + what);
    }

    private void count(String what, HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            serverErrors++;
            defects.add("5xx: " + what + " -> " + r.statusCode() + " " + shorten(r.body()));
        }
    }

    static String error(HttpResponse<String> r) {
        try {
            JsonNode n = ParkirServer.JSON.readTree(r.body());
            return n.hasNonNull("error") && n.hasNonNull("message") ? n.get("error").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    int sent() {
        return sent;
    }

    void report(int rowsChanged, long rssBefore, long rssAfter) {
        System.out.printf("hostile requests sent: %d; answered 5xx: %d; wrongly accepted: %d; rows changed by refused"
                + " requests: %d; server resident memory %d MB before, %d MB after%n", sent, serverErrors, wronglyAccepted,
                rowsChanged, rssBefore, rssAfter);
        defects.forEach(d -> System.out.println("  " + d));
        assertEquals(0, serverErrors, "5xx answers: " + defects);
        assertEquals(0, wronglyAccepted, "wrongly accepted: " + defects);
        assertEquals(List.of(), defects);
        assertEquals(0, rowsChanged, "rows changed by refused requests");
    }

    /** How many entries of two state snapshots differ (appeared, vanished or changed). */
    static int differences(Map<String, String> before, Map<String, String> after) {
        Map<String, String> all = new TreeMap<>(before);
        all.putAll(after);
        int n = 0;
        for (String key : all.keySet()) {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                n++;
            }
        }
        return n;
    }
}

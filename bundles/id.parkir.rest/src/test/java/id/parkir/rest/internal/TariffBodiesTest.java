package id.parkir.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.parkir.api.ParkirException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TariffBodiesTest {

    private static Object parsed(String json) throws Exception {
        return JsonProvider.MAPPER.readValue(json, Requests.Tariff.class).types();
    }

    private static String refusal(Object types) {
        ParkirException e = assertThrows(ParkirException.class, () -> TariffBodies.settings(types));
        assertEquals("tariff_invalid", e.code());
        return e.getMessage();
    }

    @Test
    void wholeNumbersAreReadPerTypeAndField() throws Exception {
        Map<String, Map<String, Long>> s = TariffBodies.settings(parsed(
                "{\"types\":{\"car\":{\"firstHour\":5000,\"dailyMax\":60000},\"bus\":{\"overnight\":10000000000}}}"));
        assertEquals(Map.of("firstHour", 5000L, "dailyMax", 60000L), s.get("car"));
        assertEquals(10_000_000_000L, s.get("bus").get("overnight"));
    }

    @Test
    void anythingButAnObjectOfWholeNumbersIsRefusedNamingTheField() throws Exception {
        assertEquals("car.firstHour must be a whole number", refusal(parsed("{\"types\":{\"car\":{\"firstHour\":5000.5}}}")));
        assertEquals("car.firstHour must be a whole number", refusal(parsed("{\"types\":{\"car\":{\"firstHour\":\"5000\"}}}")));
        assertEquals("car.firstHour must be a whole number", refusal(parsed("{\"types\":{\"car\":{\"firstHour\":null}}}")));
        assertEquals("car.firstHour must be a whole number", refusal(parsed("{\"types\":{\"car\":{\"firstHour\":true}}}")));
        assertEquals("car.firstHour must be a whole number",
                refusal(parsed("{\"types\":{\"car\":{\"firstHour\":99999999999999999999999}}}")));
        assertEquals("car must be an object of its tariff fields", refusal(parsed("{\"types\":{\"car\":[1,2]}}")));
        refusal(parsed("{\"types\":[]}"));
        refusal(null);
        Map<String, Object> many = new LinkedHashMap<>();
        for (int i = 0; i < 33; i++) {
            many.put("t" + i, Map.of());
        }
        refusal(many);
        refusal(Map.of("car", Map.of("firstHour", BigInteger.ONE)));
    }

    @Test
    void theAuditNamesWhatChanged() {
        Map<String, Map<String, Long>> before = Map.of("car", Map.of("firstHour", 5000L, "nextHour", 4000L),
                "bus", Map.of("firstHour", 10000L));
        Map<String, Map<String, Long>> after = Map.of("car", Map.of("firstHour", 6000L, "nextHour", 4000L),
                "bus", Map.of("firstHour", 12000L));
        assertEquals("rule progressive: bus.firstHour 10000 -> 12000, car.firstHour 5000 -> 6000",
                TariffBodies.changes("progressive", before, after));
        assertNull(TariffBodies.changes("progressive", before, before));
    }
}

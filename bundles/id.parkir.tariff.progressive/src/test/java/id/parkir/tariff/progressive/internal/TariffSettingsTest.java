package id.parkir.tariff.progressive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The limits of the settings (one place for the file and the API) and saving through Config Admin. */
class TariffSettingsTest {

    private static Map<String, Map<String, Long>> mall() {
        return ProgressiveTariff.fromConfig(Map.of()).settings();
    }

    private static Map<String, Map<String, Long>> with(String type, String field, Long value) {
        Map<String, Map<String, Long>> s = mall();
        Map<String, Long> values = new LinkedHashMap<>(s.get(type));
        values.put(field, value);
        s.put(type, values);
        return s;
    }

    private static String refusal(Map<String, Map<String, Long>> settings) {
        return assertThrows(IllegalArgumentException.class, () -> ProgressiveTariff.fromSettings(settings)).getMessage();
    }

    @Test
    void theSettingsListEveryTypeAndFieldInAStableOrder() {
        Map<String, Map<String, Long>> s = mall();
        assertEquals("[motorcycle, car, truck, bus]", s.keySet().toString());
        assertEquals("{firstHour=5000, nextHour=4000, dailyMax=60000, graceMinutes=5, overnight=50000, lostTicketFine=50000}",
                s.get("car").toString());
        assertEquals(s, ProgressiveTariff.fromSettings(s).settings());
        assertEquals("5000", ProgressiveTariff.fromSettings(s).toConfig().get("car.firstHour"));
        assertEquals(24, ProgressiveTariff.fromSettings(s).toConfig().size());
    }

    @Test
    void everyLimitIsRefusedWithItsField() {
        assertTrue(refusal(with("car", "firstHour", -1L)).startsWith("car.firstHour must be from 0 to 100000000"));
        assertTrue(refusal(with("bus", "lostTicketFine", 100_000_001L)).startsWith("bus.lostTicketFine must be"));
        assertTrue(refusal(with("truck", "graceMinutes", 1441L)).startsWith("truck.graceMinutes must be from 0 to 1440"));
        assertTrue(refusal(with("car", "dailyMax", 4_999L)).startsWith("car.dailyMax must be 0 (no maximum) or at least car.firstHour"));
        assertTrue(refusal(with("car", "nextHour", null)).equals("car.nextHour is missing"));
        assertTrue(refusal(with("car", "hourly", 1L)).startsWith("car.hourly is not a tariff field"));
        Map<String, Map<String, Long>> noBus = mall();
        noBus.remove("bus");
        assertTrue(refusal(noBus).startsWith("bus is missing"));
        Map<String, Map<String, Long>> tram = mall();
        tram.put("tram", mall().get("car"));
        assertTrue(refusal(tram).startsWith("'tram' is not a vehicle type"));
        assertTrue(refusal(null).startsWith("types is missing"));
    }

    @Test
    void atTheLimitsIsAccepted() {
        Map<String, Map<String, Long>> s = with("car", "dailyMax", 0L);
        s = merge(s, "car", "graceMinutes", 1440L);
        s = merge(s, "bus", "overnight", 100_000_000L);
        s = merge(s, "motorcycle", "dailyMax", 3_000L); // equal to the first hour
        assertEquals(s, ProgressiveTariff.fromSettings(s).settings());
    }

    @Test
    void theFileIsCheckedByTheSameRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProgressiveTariff.fromConfig(Map.of("car.dailyMax", "1000")));
        assertTrue(e.getMessage().startsWith("car.dailyMax must be 0 (no maximum)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProgressiveTariff.fromConfig(Map.of("car.graceMinutes", "2000")));
        assertThrows(IllegalArgumentException.class, () -> ProgressiveTariff.fromConfig(Map.of("car.overnight", "1e5")));
    }

    @Test
    void aSaveWritesThroughConfigAdminKeepingOtherKeysAndWaitsForTheRule() throws Exception {
        ProgressiveTariffRule rule = new ProgressiveTariffRule();
        Hashtable<String, Object> stored = new Hashtable<>(Map.of("car.firstHour", "5000",
                "felix.fileinstall.filename", "file:/etc/id.parkir.tariff.progressive.cfg"));
        rule.configure(new HashMap<>(stored));
        AtomicInteger updates = new AtomicInteger();
        inject(rule, configAdmin(stored, props -> {
            updates.incrementAndGet();
            // Config Admin calls the component back later, on a thread of its own
            new Thread(() -> {
                sleep(200);
                rule.configure(new HashMap<>(Collections.list(props.keys()).stream()
                        .collect(java.util.stream.Collectors.toMap(k -> k, props::get))));
            }).start();
        }));

        Map<String, Map<String, Long>> changed = with("car", "firstHour", 6_000L);
        assertEquals(changed, rule.save(changed));
        assertEquals(6_000L, rule.current().get("car").get("firstHour"), "in effect when save returns");
        assertEquals("6000", stored.get("car.firstHour"));
        assertEquals("file:/etc/id.parkir.tariff.progressive.cfg", stored.get("felix.fileinstall.filename"));
        assertEquals(1, updates.get());

        assertEquals(changed, rule.save(changed));
        assertEquals(1, updates.get(), "saving the values in effect writes nothing");

        ParkirException refused = assertThrows(ParkirException.class, () -> rule.save(with("car", "graceMinutes", -5L)));
        assertEquals("tariff_invalid", refused.code());
        assertTrue(refused.getMessage().contains("car.graceMinutes"));
        assertEquals(1, updates.get(), "nothing written on a refusal");
        assertEquals("6000", stored.get("car.firstHour"));
    }

    private static Map<String, Map<String, Long>> merge(Map<String, Map<String, Long>> s, String type, String field, Long v) {
        Map<String, Long> values = new LinkedHashMap<>(s.get(type));
        values.put(field, v);
        s.put(type, values);
        return s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void inject(ProgressiveTariffRule rule, ConfigurationAdmin admin) throws Exception {
        Field f = ProgressiveTariffRule.class.getDeclaredField("configAdmin");
        f.setAccessible(true);
        f.set(rule, admin);
    }

    /** A Config Admin holding one configuration; update copies the properties and calls back. */
    @SuppressWarnings("unchecked")
    private static ConfigurationAdmin configAdmin(Hashtable<String, Object> stored,
                                                  java.util.function.Consumer<Dictionary<String, Object>> onUpdate) {
        Configuration config = (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> new Hashtable<>(stored);
                    case "update" -> {
                        Dictionary<String, Object> props = (Dictionary<String, Object>) args[0];
                        stored.clear();
                        Collections.list(props.keys()).forEach(k -> stored.put(k, props.get(k)));
                        onUpdate.accept(props);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && ProgressiveTariffRule.PID.equals(args[0])) {
                        return config;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

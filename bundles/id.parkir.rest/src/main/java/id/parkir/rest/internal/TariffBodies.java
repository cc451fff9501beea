package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON of PUT /api/tariff read into whole numbers per vehicle type and field. Only the shape
 * is checked here (objects of whole numbers, every refusal a {@code tariff_invalid} naming the
 * field); which types and fields exist and their limits are the tariff rule's own checks.
 */
final class TariffBodies {
    /** More vehicle types or fields than any rule has is refused before anything is read. */
    private static final int MAX_KEYS = 32;

    private TariffBodies() {
    }

    static Map<String, Map<String, Long>> settings(Object types) {
        if (!(types instanceof Map<?, ?> byType)) {
            throw invalid("types must be an object: {\"car\":{\"firstHour\":5000,...},...}");
        }
        if (byType.size() > MAX_KEYS) {
            throw invalid("types has too many entries");
        }
        Map<String, Map<String, Long>> settings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> t : byType.entrySet()) {
            String type = String.valueOf(t.getKey());
            if (!(t.getValue() instanceof Map<?, ?> byField) || byField.size() > MAX_KEYS) {
                throw invalid(type + " must be an object of its tariff fields");
            }
            Map<String, Long> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> f : byField.entrySet()) {
                Object v = f.getValue();
                // JSON integers only: no fractions, no text, no booleans, nothing beyond a long
                if (!(v instanceof Integer || v instanceof Long)) {
                    throw invalid(type + "." + f.getKey() + " must be a whole number");
                }
                values.put(String.valueOf(f.getKey()), ((Number) v).longValue());
            }
            settings.put(type, values);
        }
        return settings;
    }

    /** The audit detail: each value that changed, {@code car.firstHour 5000 -> 6000}. */
    static String changes(String rule, Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after) {
        StringBuilder sb = new StringBuilder("rule ").append(rule).append(':');
        int changed = 0;
        for (String type : new TreeSet<>(after.keySet())) {
            for (Map.Entry<String, Long> f : after.get(type).entrySet()) {
                Long was = before.getOrDefault(type, Map.of()).get(f.getKey());
                if (!f.getValue().equals(was)) {
                    sb.append(changed++ == 0 ? " " : ", ").append(type).append('.').append(f.getKey()).append(' ')
                            .append(was).append(" -> ").append(f.getValue());
                }
            }
        }
        return changed == 0 ? null : sb.toString();
    }

    private static ParkirException invalid(String message) {
        return ParkirException.invalid("tariff_invalid", message);
    }
}

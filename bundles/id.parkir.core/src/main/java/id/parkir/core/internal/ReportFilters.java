package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Text;
import id.parkir.api.VehicleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A report's filters, checked, as exact conditions on the columns of the table the report reads
 * (each a parameter, never text in the SQL) and as the labelled values the document lists. A
 * filter the kind does not take is a 400 that lists those it takes.
 */
final class ReportFilters {
    /** Every filter and its longest value. */
    static final Map<String, Integer> LENGTHS = Map.of("zone", 16, "gate", 32, "vehicleType", 16, "method", 32,
            "cashier", 64, "user", 64, "action", 48, "q", 100);
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

    private final Map<String, String> values;

    private ReportFilters(Map<String, String> values) {
        this.values = values;
    }

    static ReportFilters of(String kind, Map<String, String> given, List<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : allowed) {
            String raw = given.get(name);
            if (raw != null) {
                values.put(name, check(name, raw));
            }
        }
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw ParkirException.invalid("filter_invalid", "the " + kind + " report takes no filter '" + name + "'"
                        + (allowed.isEmpty() ? "" : "; its filters: " + String.join(", ", allowed)));
            }
        }
        return new ReportFilters(values);
    }

    private static String check(String name, String raw) {
        if ("vehicleType".equals(name)) {
            return VehicleType.parse(raw).code();
        }
        String value = Text.optional(name, raw, LENGTHS.get(name));
        if ("action".equals(name) && !ACTION.matcher(value).matches()) {
            throw ParkirException.invalid("action_invalid", "action is an action name such as LOGIN_FAILED");
        }
        return value;
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * {@code " AND COLUMN = ?"} for each filter given that {@code columns} maps to a column, its
     * value added to {@code params}.
     */
    String where(Map<String, String> columns, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        values.forEach((name, value) -> {
            String column = columns.get(name);
            if (column != null) {
                sql.append(" AND ").append(column).append(" = ?");
                params.add(value);
            }
        });
        return sql.toString();
    }

    /** The filters as the document lists them: label to value, in the words of the report. */
    Map<String, String> labels(ReportText text) {
        Map<String, String> labels = new LinkedHashMap<>();
        values.forEach((name, value) -> labels.put(text.get("filter." + name),
                "vehicleType".equals(name) ? text.value("type", value) : value));
        return labels;
    }
}

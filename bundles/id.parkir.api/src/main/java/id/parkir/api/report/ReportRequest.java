package id.parkir.api.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report is asked for: its kind ({@link ReportService#kinds()}), the first and last day of
 * the period (both included, days of the site's time zone), how its rows are grouped where the
 * kind offers a choice ({@code by}: {@code day}, {@code method}, ... null for the kind's default),
 * its filters by name as the API and the shell take them ({@code zone}, {@code gate},
 * {@code vehicleType}, {@code method}, {@code cashier}; for the activity log {@code user},
 * {@code action}, {@code q}; blank values are ignored) and the language of its titles ({@code id}
 * or {@code en}; null for Indonesian). Nothing is checked here: the report service answers a bad
 * request with a 400 naming what to fix.
 */
public record ReportRequest(String kind, LocalDate from, LocalDate to, String by, Map<String, String> filters,
                            String language) {
    public ReportRequest {
        Map<String, String> copy = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    copy.put(k, v.trim());
                }
            });
        }
        filters = java.util.Collections.unmodifiableMap(copy);
    }
}

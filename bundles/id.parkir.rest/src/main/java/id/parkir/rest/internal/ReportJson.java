package id.parkir.rest.internal;

import id.parkir.api.report.Report;
import id.parkir.api.report.ReportChart;
import id.parkir.api.report.ReportColumn;
import id.parkir.api.report.ReportService;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report preview as JSON for the screen: what it is, its columns (key, title, type), the first
 * rows and the totals with values as JSON has them (dates {@code 2026-11-01}, date-times
 * {@code 2026-11-01T08:15} in the site's time, money and counts as whole numbers), the chart.
 */
final class ReportJson {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ReportJson() {
    }

    static Map<String, Object> preview(ReportService.Preview p) {
        Report r = p.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", r.kind());
        json.put("title", r.title());
        json.put("site", r.siteName());
        json.put("from", r.from().toString());
        json.put("to", r.to().toString());
        json.put("timeZone", r.zone().getId());
        json.put("filters", r.filters());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ReportColumn c : r.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("key", c.key());
            column.put("title", c.title());
            column.put("type", c.type().name());
            columns.add(column);
        }
        json.put("columns", columns);
        json.put("rows", p.rows().stream().map(ReportJson::values).toList());
        json.put("more", p.more());
        json.put("totals", p.totals().isEmpty() ? null : values(p.totals()));
        json.put("chart", chart(p.chart()));
        return json;
    }

    private static List<Object> values(List<Object> row) {
        List<Object> values = new ArrayList<>(row.size());
        for (Object v : row) {
            values.add(v instanceof LocalDateTime t ? MINUTES.format(t) : v instanceof LocalDate d ? d.toString() : v);
        }
        return values;
    }

    private static Map<String, Object> chart(ReportChart chart) {
        if (chart == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", chart.title());
        json.put("labels", chart.labels());
        json.put("series", chart.series().stream().map(s -> Map.of("name", s.name(), "values", s.values())).toList());
        return json;
    }
}

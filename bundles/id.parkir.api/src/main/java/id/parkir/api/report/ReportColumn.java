package id.parkir.api.report;

/** One column of a report: a stable key (CSV header, API), the title shown (in the report's language) and its type. */
public record ReportColumn(String key, String title, ColumnType type) {
}

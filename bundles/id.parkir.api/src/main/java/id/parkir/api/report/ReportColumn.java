package id.parkir.api.report;

/**
 * One column of a report: a stable key (the JSON preview's field, for programs), the title shown
 * (in the report's language; the exporters' header row, CSV included) and its type.
 */
public record ReportColumn(String key, String title, ColumnType type) {
}

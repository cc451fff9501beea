package id.parkir.api.report;

/** An installed {@link ReportExporter} as listed: its format id, human name, content type and file extension. */
public record ReportFormat(String id, String name, String mediaType, String extension) {
}

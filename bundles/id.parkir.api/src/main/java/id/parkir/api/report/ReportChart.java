package id.parkir.api.report;

import java.util.List;

/**
 * The chart a report carries, if any: one value per label and series (e.g. revenue per day per
 * payment method). Exporters that can draw it (XLSX, PDF) add it as an image, see {@link ChartImage}.
 */
public record ReportChart(String title, List<String> labels, List<Series> series) {
    public ReportChart {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
    }

    /** A named line of values, one per label. */
    public record Series(String name, List<Long> values) {
        public Series {
            values = List.copyOf(values);
        }
    }
}

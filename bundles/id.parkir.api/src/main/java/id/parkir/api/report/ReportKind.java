package id.parkir.api.report;

import java.util.List;

/**
 * A kind of report as a screen offers it: its id, the groupings it takes ({@code by}; the first is
 * the default, empty when it has none), the filters it takes and the longest period in days.
 */
public record ReportKind(String id, List<String> groupings, List<String> filters, int maxDays) {
    public ReportKind {
        groupings = List.copyOf(groupings);
        filters = List.copyOf(filters);
    }
}

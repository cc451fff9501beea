package id.parkir.report.testkit;

import id.parkir.api.report.Report;
import id.parkir.api.report.ReportColumn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What a test report is (kind, title, site, period, filters, columns), fixed when it is made; rows,
 * totals and chart are the subclasses'.
 */
abstract class FixedReport implements Report {
    private final String kind;
    private final String title;
    private final String site;
    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, String> filters;
    private final List<ReportColumn> columns;

    FixedReport(String kind, String title, String site, LocalDate from, LocalDate to, Map<String, String> filters,
            List<ReportColumn> columns) {
        this.kind = kind;
        this.title = title;
        this.site = site;
        this.from = from;
        this.to = to;
        this.filters = filters;
        this.columns = columns;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String siteName() {
        return site;
    }

    @Override
    public LocalDate from() {
        return from;
    }

    @Override
    public LocalDate to() {
        return to;
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Jakarta");
    }

    @Override
    public Map<String, String> filters() {
        return filters;
    }

    @Override
    public List<ReportColumn> columns() {
        return columns;
    }
}

package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportExporter;
import id.parkir.api.report.ReportFormat;
import id.parkir.api.report.ReportKind;
import id.parkir.api.report.ReportRequest;
import id.parkir.api.report.ReportService;
import id.parkir.store.jpa.ParkirStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The back office's reports ({@link RevenueReport}, {@link TrafficReport}, {@link SessionsReport},
 * {@link LostOvernightReport}, {@link ShiftsReport}, {@link ActivityReport}) over days of the
 * site's time zone, written by the installed {@link ReportExporter}s (a dynamic reference: an
 * exporter bundle comes and goes while the server runs). Everything a request can get wrong is
 * checked before a byte is written, so an answer is either a whole document or a 400.
 */
@Component(service = ReportService.class, configurationPid = "id.parkir.core")
public class ReportServiceImpl implements ReportService {
    /** A kind: what it takes, and how a checked request becomes the report. */
    private record Kind(ReportKind info, Function<ReportContext, Report> make) {
    }

    private static final List<Kind> KINDS = List.of(
            kind("revenue", RevenueReport.GROUPINGS, RevenueReport.FILTERS, ReportPeriod.SUM_DAYS, RevenueReport::new),
            kind("traffic", TrafficReport.GROUPINGS, TrafficReport.FILTERS, ReportPeriod.SUM_DAYS, TrafficReport::new),
            kind("sessions", List.of(), SessionsReport.FILTERS, ReportPeriod.ROW_DAYS, SessionsReport::new),
            kind("lost-overnight", List.of(), SessionsReport.FILTERS, ReportPeriod.ROW_DAYS, LostOvernightReport::new),
            kind("shifts", List.of(), ShiftsReport.FILTERS, ReportPeriod.SUM_DAYS, ShiftsReport::new),
            kind("activity", List.of(), ActivityReport.FILTERS, ReportPeriod.ROW_DAYS, ActivityReport::new));

    private static Kind kind(String id, List<String> groupings, List<String> filters, int maxDays,
                             Function<ReportContext, Report> make) {
        return new Kind(new ReportKind(id, groupings, filters, maxDays), make);
    }

    private final ParkirStore store;
    private final DayBoundary boundary;
    private final String siteName;
    private final PluginRegistry<ReportExporter> exporters = new PluginRegistry<>();
    /** Reads the next page of a row report while the last one is written; a thread per download at most, gone when idle. */
    private final ExecutorService reader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "parkir-report-reader");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ReportServiceImpl(@Reference ParkirStore store, CoreConfig config) {
        this.store = store;
        this.boundary = new DayBoundary(config.timeZone(), config.dayBoundary());
        this.siteName = SiteInfo.of(config, boundary).name();
    }

    @Deactivate
    void stop() {
        reader.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindExporter(ReportExporter exporter, Map<String, Object> properties) {
        exporters.add(exporter, properties);
    }

    void unbindExporter(ReportExporter exporter) {
        exporters.remove(exporter);
    }

    @Override
    public List<ReportKind> kinds() {
        return KINDS.stream().map(Kind::info).toList();
    }

    @Override
    public List<ReportFormat> formats() {
        return exporters.all().stream().map(p -> format(p)).toList();
    }

    private static ReportFormat format(PluginRegistry.Plugin<ReportExporter> p) {
        return new ReportFormat(p.id(), p.name(), p.service().mediaType(), p.service().extension());
    }

    @Override
    public Report report(ReportRequest request) {
        String id = request.kind() == null ? "" : request.kind().trim().toLowerCase(Locale.ROOT);
        Kind kind = KINDS.stream().filter(k -> k.info().id().equals(id)).findFirst().orElseThrow(
                () -> ParkirException.notFound("report_kind_unknown", "no report '" + request.kind() + "'; the reports: "
                        + KINDS.stream().map(k -> k.info().id()).collect(Collectors.joining(", "))));
        ReportText text = ReportText.of(request.language());
        ReportPeriod period = ReportPeriod.of(request.from(), request.to(), boundary.zone(), kind.info().maxDays());
        String by = grouping(kind.info(), request.by());
        ReportFilters filters = ReportFilters.of(id, request.filters(), kind.info().filters());
        return kind.make().apply(new ReportContext(store, reader, text, siteName, period, filters, by));
    }

    /** The grouping asked for, checked; the kind's first when none is asked for; null for a kind without groupings. */
    static String grouping(ReportKind kind, String by) {
        boolean none = by == null || by.isBlank();
        if (kind.groupings().isEmpty()) {
            if (!none) {
                throw ParkirException.invalid("by_invalid", "the " + kind.id() + " report has no grouping (by)");
            }
            return null;
        }
        if (none) {
            return kind.groupings().get(0);
        }
        if (!kind.groupings().contains(by.trim())) {
            throw ParkirException.invalid("by_invalid", "the " + kind.id() + " report is grouped by one of "
                    + String.join(", ", kind.groupings()));
        }
        return by.trim();
    }

    @Override
    public Download download(ReportRequest request, String format) {
        Report report = report(request);
        String id = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        List<PluginRegistry.Plugin<ReportExporter>> installed = exporters.all();
        if (installed.isEmpty()) {
            throw ParkirException.unavailable("report_exporter_missing", "no report exporter is installed"
                    + " (feature:install parkir-report-csv, parkir-report-xlsx or parkir-report-pdf)");
        }
        PluginRegistry.Plugin<ReportExporter> exporter = exporters.get(id).orElseThrow(() -> ParkirException.invalid(
                "report_format_unknown", "format must be one of the installed: "
                        + installed.stream().map(PluginRegistry.Plugin::id).collect(Collectors.joining(", "))));
        ReportFormat f = format(exporter);
        String name = "parkir-" + report.kind() + "-" + report.from() + "_" + report.to() + "." + safe(f.extension());
        return new Download() {
            @Override
            public Report report() {
                return report;
            }

            @Override
            public ReportFormat format() {
                return f;
            }

            @Override
            public String fileName() {
                return name;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                exporter.service().write(report, out);
            }
        };
    }

    /** An extension as a plugin states it, kept to letters and digits for the file name. */
    private static String safe(String extension) {
        String e = extension == null ? "" : extension.replaceAll("[^A-Za-z0-9]", "");
        return e.isEmpty() ? "bin" : e.toLowerCase(Locale.ROOT);
    }

    @Override
    public Preview preview(ReportRequest request, int maxRows) {
        Report report = report(request);
        int limit = Math.max(0, Math.min(maxRows, PREVIEW_ROWS));
        List<List<Object>> rows = new ArrayList<>();
        boolean more = false;
        try {
            report.rows(row -> {
                if (rows.size() == limit) {
                    throw new Enough();
                }
                rows.add(row);
            });
        } catch (Enough e) {
            more = true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Preview(report, rows, more, report.totals(), report.chart().orElse(null));
    }

    /** Stops reading rows once a preview has its rows (the page being read is the last). */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }
}

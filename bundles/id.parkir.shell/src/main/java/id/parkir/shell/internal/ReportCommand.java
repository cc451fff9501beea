package id.parkir.shell.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.report.ReportColumn;
import id.parkir.api.report.ReportRequest;
import id.parkir.api.report.ReportService;
import id.parkir.api.security.UserService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "parkir", name = "report", description = "Writes a report (revenue, traffic, sessions, lost-overnight, shifts,"
        + " activity) over days of the site to a file on the server, or shows its first rows and totals."
        + " Options first: parkir:report --from 2026-11-01 --to 2026-11-30 --out /tmp/revenue.xlsx revenue")
@Service
public class ReportCommand implements Action {
    @Argument(index = 0, name = "kind", required = true, description = "revenue, traffic, sessions, lost-overnight, shifts or activity")
    private String kind;

    @Option(name = "--from", required = true, description = "First day, YYYY-MM-DD (site time)")
    private String from;

    @Option(name = "--to", required = true, description = "Last day, YYYY-MM-DD (included)")
    private String to;

    @Option(name = "--format", description = "csv, xlsx, pdf ... (an installed exporter; the --out file's extension if absent)")
    private String format;

    @Option(name = "--out", aliases = "-o", description = "File to write on the server; without it the first rows are shown")
    private String out;

    @Option(name = "--force", aliases = "-f", description = "Replace the --out file if it exists")
    private boolean force;

    @Option(name = "--by", description = "Grouping: revenue day|method|vehicleType|cashier|zone|gate, traffic day|hour")
    private String by;

    @Option(name = "--zone", description = "Zone code")
    private String zone;

    @Option(name = "--gate", description = "Entry gate")
    private String gate;

    @Option(name = "--type", description = "Vehicle type: motorcycle, car, truck, bus")
    private String vehicleType;

    @Option(name = "--method", description = "Payment method id, e.g. cash")
    private String method;

    @Option(name = "--cashier", description = "Cashier (username)")
    private String cashier;

    @Option(name = "--user", description = "Activity log: user")
    private String user;

    @Option(name = "--action", description = "Activity log: action name, e.g. LOGIN_FAILED")
    private String action;

    @Option(name = "--text", description = "Activity log: text in the detail (within 31 days)")
    private String text;

    @Option(name = "--lang", description = "id (default) or en")
    private String lang;

    @Reference
    private ReportService reports;

    @Reference(optional = true)
    private UserService users;

    @Override
    public Object execute() throws IOException {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("zone", zone);
        filters.put("gate", gate);
        filters.put("vehicleType", vehicleType);
        filters.put("method", method);
        filters.put("cashier", cashier);
        filters.put("user", user);
        filters.put("action", action);
        filters.put("q", text);
        ReportRequest request = new ReportRequest(kind, date("from", from), date("to", to), by, filters, lang);
        if (out == null) {
            show(reports.preview(request, ReportService.PREVIEW_ROWS));
            return null;
        }
        Path file = Paths.get(out).toAbsolutePath();
        String f = format != null ? format : file.getFileName().toString().replaceFirst("^.*\\.", "");
        ReportService.Download download = reports.download(request, f);
        if (Files.exists(file) && !force) {
            throw ParkirException.invalid("file_exists", file + " exists: give --force to replace it");
        }
        long started = System.nanoTime();
        // written beside it and moved into place, so the file is whole or not there
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), ".parkir-report-", ".part");
        try {
            try (OutputStream o = Files.newOutputStream(part)) {
                download.writeTo(o);
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        System.out.printf("Wrote %s (%s) to %s: %,d bytes in %.1f s%n", download.fileName(), download.format().id(), file,
                Files.size(file), (System.nanoTime() - started) / 1e9);
        ShellActor.audit(users, "REPORT_DOWNLOADED", download.fileName() + " to " + file);
        return null;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw ParkirException.invalid(name + "_invalid", "--" + name + " must be YYYY-MM-DD");
        }
    }

    private static void show(ReportService.Preview p) {
        id.parkir.api.report.Report r = p.report();
        System.out.println(r.title() + ", " + r.siteName() + ", " + r.from() + " .. " + r.to() + (r.filters().isEmpty() ? ""
                : ", " + r.filters()));
        ShellTable table = new ShellTable();
        List<ReportColumn> columns = r.columns();
        columns.forEach(c -> table.column(c.title()));
        p.rows().forEach(row -> table.addRow().addContent(cells(row)));
        if (!p.totals().isEmpty()) {
            table.addRow().addContent(cells(p.totals()));
        }
        table.print(System.out);
        if (p.more()) {
            System.out.println("(the first " + p.rows().size() + " rows; --out <file> writes them all)");
        }
    }

    private static Object[] cells(List<Object> row) {
        return row.stream().map(v -> v == null ? "" : v instanceof java.time.LocalDateTime t ? t.toLocalDate() + " " + t.toLocalTime()
                : v.toString()).toArray();
    }
}

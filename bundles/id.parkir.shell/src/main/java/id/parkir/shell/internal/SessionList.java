package id.parkir.shell.internal;

import id.parkir.api.Rupiah;
import id.parkir.api.parking.Page;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.SessionQuery;
import id.parkir.api.parking.SessionView;
import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "parkir", name = "session-list", description = "Lists parking sessions, newest first (a plate alone: by plate)")
@Service
public class SessionList implements Action {
    @Option(name = "--status", aliases = "-s", description = "inside, paid or overnight")
    private String status;

    @Option(name = "--plate", description = "Plate: its start over the whole history, any part with --status inside or --date")
    private String plate;

    @Option(name = "--date", aliases = "-d", description = "Entry date, YYYY-MM-DD")
    private String date;

    @Option(name = "--page", description = "Page, from 0")
    private int page;

    @Option(name = "--size", description = "Rows per page")
    private int size = 50;

    @Reference
    private ParkingService parking;

    @Override
    public Object execute() {
        Page<SessionView> result = parking.sessions(new SessionQuery(status, plate,
                date == null ? null : LocalDate.parse(date), page, size));
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Ticket", "Plate", "Type", "Zone", "Status", "Entry", "Exit", "Nights", "Total"}) {
            table.column(c);
        }
        for (SessionView s : result.items()) {
            table.addRow().addContent(s.ticket(), s.plate(), s.vehicleType(), s.zone(), s.status(), s.entryTime(),
                    s.exitTime() == null ? "" : s.exitTime(), s.overnights(),
                    s.total() == null ? "" : Rupiah.format(s.total()));
        }
        table.print(System.out);
        System.out.println(result.items().size() + " of " + result.total() + (result.totalExact() ? "" : "+")
                + " sessions (page " + result.page() + ")");
        return null;
    }
}

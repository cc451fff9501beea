package id.parkir.shell.internal;

import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.ZoneOccupancy;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "parkir", name = "occupancy", description = "Shows capacity, vehicles inside and free slots per zone and vehicle type")
@Service
public class Occupancy implements Action {
    @Reference
    private ParkingService parking;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Zone");
        table.column("Name");
        table.column("Vehicle type");
        table.column("Capacity").alignRight();
        table.column("Inside").alignRight();
        table.column("Free").alignRight();
        for (ZoneOccupancy z : parking.occupancy()) {
            for (ZoneOccupancy.TypeOccupancy t : z.vehicleTypes()) {
                table.addRow().addContent(z.zone(), z.name(), t.vehicleType(), t.capacity(), t.inside(), t.free());
            }
        }
        table.print(System.out);
        return null;
    }
}

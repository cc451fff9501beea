package id.parkir.shell.internal;

import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.PluginInfo;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "parkir", name = "tariff-show", description = "Shows the installed tariff rules and their rates")
@Service
public class TariffShow implements Action {
    @Reference
    private ParkingService parking;

    @Override
    public Object execute() {
        if (parking.tariffRules().isEmpty()) {
            System.out.println("No tariff rule is installed: exits cannot be priced");
        }
        for (PluginInfo rule : parking.tariffRules()) {
            System.out.println(rule.id() + " - " + rule.name() + (rule.inUse() ? " [in use]" : ""));
            for (String line : rule.description().split("\n")) {
                System.out.println("  " + line);
            }
        }
        return null;
    }
}

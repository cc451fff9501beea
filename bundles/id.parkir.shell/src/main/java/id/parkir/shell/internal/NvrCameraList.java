package id.parkir.shell.internal;

import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.CameraView;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "nvr", name = "camera-list", description = "Lists the cameras (passwords are never shown)")
@Service
public class NvrCameraList implements Action {
    @Reference(optional = true)
    private CameraService cameras;

    @Override
    public Object execute() {
        if (Installed.missing(cameras, Installed.NVR)) {
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Address");
        table.column("Gate");
        for (CameraView c : cameras.list()) {
            table.addRow().addContent(c.id(), c.name(), c.url(), c.gateRole() == null ? "" : c.gateRole() + " " + c.gateId());
        }
        table.print(System.out);
        return null;
    }
}

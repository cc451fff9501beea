package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.nvr.Recorder;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "nvr", name = "stop", description = "Stops recording all cameras, or one (the current segment is finished)")
@Service
public class NvrStop implements Action {
    @Option(name = "--camera", aliases = "-c", description = "Camera id (default: all)")
    private String camera;

    @Reference(optional = true)
    private UserService users;

    @Reference(optional = true)
    private Recorder recorder;

    @Override
    public Object execute() {
        if (Installed.missing(recorder, Installed.NVR)) {
            return null;
        }
        System.out.println("Stopped: " + String.join(", ", recorder.stop(camera)));
        ShellActor.audit(users, "RECORDING_STOPPED", camera == null ? "all cameras" : "camera " + camera);
        return null;
    }
}

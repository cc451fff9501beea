package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.nvr.Recorder;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "nvr", name = "start", description = "Starts recording all cameras, or one")
@Service
public class NvrStart implements Action {
    @Option(name = "--camera", aliases = "-c", description = "Camera id (default: all)")
    private String camera;

    @Option(name = "--total-seconds", aliases = "-t", description = "Stop by itself after this long (default 0: until stopped)")
    private long totalSeconds;

    @Reference(optional = true)
    private UserService users;

    @Reference(optional = true)
    private Recorder recorder;

    @Override
    public Object execute() {
        if (Installed.missing(recorder, Installed.NVR)) {
            return null;
        }
        System.out.println("Recording: " + String.join(", ", recorder.start(camera, totalSeconds)));
        ShellActor.audit(users, "RECORDING_STARTED", (camera == null ? "all cameras" : "camera " + camera)
                + (totalSeconds > 0 ? " for " + totalSeconds + " s" : ""));
        return null;
    }
}

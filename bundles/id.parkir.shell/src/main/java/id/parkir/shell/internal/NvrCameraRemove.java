package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.Recorder;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "nvr", name = "camera-remove", description = "Stops recording a camera and removes it (its recordings stay until retention)")
@Service
public class NvrCameraRemove implements Action {
    @Argument(index = 0, name = "id", required = true, description = "Camera id (nvr:camera-list)")
    private String id;

    @Reference(optional = true)
    private UserService users;

    @Reference(optional = true)
    private CameraService cameras;

    @Reference(optional = true)
    private Recorder recorder;

    @Override
    public Object execute() {
        if (Installed.missing(cameras, Installed.NVR)) {
            return null;
        }
        cameras.get(id);
        if (recorder != null) {
            recorder.stop(id);
        }
        cameras.remove(id);
        System.out.println("Removed camera " + id);
        ShellActor.audit(users, "CAMERA_REMOVED", id);
        return null;
    }
}

package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.nvr.Recorder;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "nvr", name = "cleanup", description = "Applies the retention rules now (age, free disk, storage cap)")
@Service
public class NvrCleanup implements Action {
    @Reference(optional = true)
    private UserService users;

    @Reference(optional = true)
    private Recorder recorder;

    @Override
    public Object execute() {
        if (Installed.missing(recorder, Installed.NVR)) {
            return null;
        }
        Recorder.CleanupResult r = recorder.cleanup();
        ShellActor.audit(users, "RECORDINGS_CLEANED", String.valueOf(r));
        System.out.printf("Deleted %d segments (%.1f MB); %.1f GB free%n", r.deletedSegments(), r.deletedBytes() / 1e6,
                r.freeBytesAfter() / 1e9);
        return null;
    }
}

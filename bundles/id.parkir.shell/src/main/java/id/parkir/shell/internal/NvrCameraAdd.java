package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.CameraSpec;
import id.parkir.api.nvr.CameraView;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "nvr", name = "camera-add", description = "Adds a camera (RTSP or HTTP); its password is stored encrypted")
@Service
public class NvrCameraAdd implements Action {
    @Argument(index = 0, name = "name", required = true, description = "Camera name, e.g. \"Gate 1 entry\"")
    private String name;

    @Option(name = "--host", description = "IP address or DNS name (or give --url)")
    private String host;

    @Option(name = "--port", description = "RTSP port (default 554)")
    private Integer port;

    @Option(name = "--path", description = "RTSP path, e.g. /stream1")
    private String path;

    @Option(name = "--url", description = "Full rtsp:// or http:// address without credentials (instead of --host/--port/--path)")
    private String url;

    @Option(name = "--user", aliases = "-u", description = "User name on the camera")
    private String user;

    @Option(name = "--password", aliases = "-p", description = "Password on the camera (with --user; '-' prompts for it)")
    private String password;

    @Option(name = "--gate-role", description = "entry or exit, for a gate camera")
    private String gateRole;

    @Option(name = "--gate-id", description = "The gate this camera watches (with --gate-role)")
    private String gateId;

    @Reference(optional = true)
    private UserService users;

    @Reference(optional = true)
    private CameraService cameras;

    @Reference
    private org.apache.karaf.shell.api.console.Session session;

    @Override
    public Object execute() throws Exception {
        if (Installed.missing(cameras, Installed.NVR)) {
            return null;
        }
        String pw = "-".equals(password) ? PasswordInput.read(session, null, "Camera password: ") : password;
        CameraView c = cameras.add(new CameraSpec(name, host, port, path, url, user, pw, gateRole, gateId));
        System.out.println("Added camera " + c.id() + ": " + c.url());
        ShellActor.audit(users, "CAMERA_ADDED", c.id() + " (host " + java.net.URI.create(c.url()).getHost() + ")");
        return null;
    }
}

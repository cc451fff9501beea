package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "parkir", name = "user-passwd",
        description = "Sets a new password for a user (and unlocks it); the user must change it at next login")
@Service
public class UserPasswd implements Action {
    @Argument(index = 0, name = "username", required = true)
    private String username;

    @Option(name = "--password", aliases = "-p", description = "New password (prompted for when omitted)")
    private String password;

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        users.resetPassword(ShellActor.current(), username, PasswordInput.read(session, password, "New password: "));
        System.out.println("Password of " + username + " reset; it must be changed at next login");
        return null;
    }
}

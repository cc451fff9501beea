package id.parkir.shell.internal;

import id.parkir.api.security.NewUser;
import id.parkir.api.security.UserService;
import id.parkir.api.security.UserView;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

@Command(scope = "parkir", name = "user-add",
        description = "Adds a user (admin or operator); the password must be changed at first login")
@Service
public class UserAdd implements Action {
    @Argument(index = 0, name = "username", required = true, description = "3-32 lower-case letters, digits, . _ -")
    private String username;

    @Argument(index = 1, name = "role", required = true, description = "admin or operator")
    private String role;

    @Option(name = "--full-name", aliases = "-n", description = "Full name")
    private String fullName;

    @Option(name = "--password", aliases = "-p", description = "Initial password (prompted for when omitted)")
    private String password;

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        String pw = PasswordInput.read(session, password, "Initial password: ");
        UserView u = users.create(ShellActor.current(), new NewUser(username, fullName, role, pw));
        System.out.println("Created " + u.username() + " (" + u.role() + "); password must be changed at first login");
        return null;
    }
}

package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.security.UserUpdate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Command(scope = "parkir", name = "user-disable",
        description = "Disables a user (logs them out everywhere); --enable turns the account back on")
@Service
public class UserDisable implements Action {
    @Argument(index = 0, name = "username", required = true)
    private String username;

    @Option(name = "--enable", aliases = "-e", description = "Enable instead of disable")
    private boolean enable;

    @Reference
    private UserService users;

    @Override
    public Object execute() {
        users.update(ShellActor.current(), username, new UserUpdate(null, null, enable));
        System.out.println("User " + username + (enable ? " enabled" : " disabled"));
        return null;
    }
}

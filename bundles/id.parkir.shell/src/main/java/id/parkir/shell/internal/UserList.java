package id.parkir.shell.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.security.UserView;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "parkir", name = "user-list", description = "Lists Parkir users")
@Service
public class UserList implements Action {
    @Reference
    private UserService users;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Username");
        table.column("Full name");
        table.column("Role");
        table.column("Active");
        table.column("Must change password");
        table.column("Locked");
        for (UserView u : users.list()) {
            table.addRow().addContent(u.username(), u.fullName() == null ? "" : u.fullName(), u.role(), u.active(),
                    u.mustChangePassword(), u.locked());
        }
        table.print(System.out);
        return null;
    }
}

package id.parkir.shell.internal;

import id.parkir.api.Actor;
import id.parkir.api.Role;
import java.security.AccessController;
import javax.security.auth.Subject;
import id.parkir.api.security.UserService;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The shell user as a Parkir {@link Actor}: Karaf runs each command as the logged-in JAAS subject. */
final class ShellActor {
    private ShellActor() {
    }

    @SuppressWarnings("removal") // Subject.getSubject is how Karaf 4.4 exposes the shell user on Java 17
    static Actor current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String name = "shell";
        boolean admin = false;
        if (subject != null) {
            name = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst().orElse(name);
            admin = subject.getPrincipals(RolePrincipal.class).stream().anyMatch(r -> "admin".equals(r.getName()));
        }
        return new Actor(name, admin ? Role.ADMIN : Role.OPERATOR, false);
    }

    /** Where the shell user is: the ssh client's address, or the local console. */
    @SuppressWarnings("removal")
    static String origin() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return subject == null ? "console" : subject.getPrincipals(ClientPrincipal.class).stream().findFirst()
                .map(ClientPrincipal::getName).orElse("console");
    }

    /** An administrative action taken in the shell, in the activity log with who and from where. */
    static void audit(UserService users, String event, String detail) {
        if (users != null) {
            users.logActivity(current().username(), event, detail + " (shell, from " + origin() + ")");
        }
    }
}

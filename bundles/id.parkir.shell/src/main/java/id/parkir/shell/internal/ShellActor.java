package id.parkir.shell.internal;

import id.parkir.api.Actor;
import id.parkir.api.Role;
import java.security.AccessController;
import javax.security.auth.Subject;
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
}

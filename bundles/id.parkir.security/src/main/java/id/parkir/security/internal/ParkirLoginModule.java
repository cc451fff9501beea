package id.parkir.security.internal;

import id.parkir.api.Actor;
import id.parkir.api.Role;
import id.parkir.api.security.UserService;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * JAAS login against the Parkir user store, for ssh, the web console and JMX. Admins get Karaf's
 * administrative roles (ssh, every shell command, the web console, JMX); operators are refused
 * here (they work through the API). An account that must change its password is refused here: the
 * change happens through the API first.
 */
public class ParkirLoginModule implements LoginModule {
    /** Karaf roles an admin holds: ssh login, command ACLs (admin/manager/viewer), web console (admin). */
    static final List<String> ADMIN_KARAF_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    private Subject subject;
    private CallbackHandler callbackHandler;
    private UserService users;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.users = (UserService) options.get(ParkirJaasRealm.USER_SERVICE_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException e) {
            // e.g. an ssh public-key login: Parkir accounts have passwords only.
            throw new FailedLoginException("password login required");
        } catch (IOException e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        if (name.getName() == null || password.getPassword() == null) {
            throw new FailedLoginException("username and password required");
        }
        // ssh and the web console put the client's address in the subject before the login
        String channel = subject.getPrincipals(ClientPrincipal.class).stream().findFirst()
                .map(c -> "shell/console " + c.getName()).orElse("shell/console");
        Actor actor = users.verifyPassword(name.getName(), new String(password.getPassword()), channel)
                .orElseThrow(() -> new FailedLoginException("login refused for " + name.getName()));
        password.clearPassword();
        if (actor.role() != Role.ADMIN) {
            // operators work through the API; the shell, the web console and JMX are for admins only
            users.logActivity(actor.username(), "LOGIN_REFUSED", "operator via " + channel + ": admins only");
            throw new FailedLoginException("only admins may log in here");
        }
        principals.clear();
        principals.add(new UserPrincipal(actor.username()));
        ADMIN_KARAF_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}

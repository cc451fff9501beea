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
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * JAAS login against the Parkir user store. Admins get Karaf's administrative roles (so they may
 * use ssh, every shell command and the web console); operators get only "operator", which neither
 * ssh nor the web console accepts. An account that must change its password is refused here: the
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
        Actor actor = users.verifyPassword(name.getName(), new String(password.getPassword()), "shell/console")
                .orElseThrow(() -> new FailedLoginException("login refused for " + name.getName()));
        password.clearPassword();
        principals.clear();
        principals.add(new UserPrincipal(actor.username()));
        if (actor.role() == Role.ADMIN) {
            ADMIN_KARAF_ROLES.forEach(r -> principals.add(new RolePrincipal(r)));
        } else {
            principals.add(new RolePrincipal(actor.role().code()));
        }
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

package id.parkir.security.internal;

import id.parkir.api.security.UserService;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's "karaf" JAAS realm (rank 0, backed by etc/users.properties) with the Parkir
 * user store, so the ssh shell, bin/client and the Felix Web Console accept exactly the users of
 * the API. Karaf picks the realm with the highest rank for a name.
 */
@Component(service = JaasRealm.class, immediate = true)
public class ParkirJaasRealm implements JaasRealm {
    static final String USER_SERVICE_OPTION = "id.parkir.userService";

    private final UserService users;
    private final BundleContext context;

    @Activate
    public ParkirJaasRealm(@Reference UserService users, BundleContext context) {
        this.users = users;
        this.context = context;
    }

    @Override
    public String getName() {
        return "karaf";
    }

    @Override
    public int getRank() {
        return 100;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Map<String, Object> options = new HashMap<>();
        // ProxyLoginModule loads our module class from this bundle, so ssh and web threads need not see it.
        options.put(ProxyLoginModule.PROPERTY_MODULE, ParkirLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(USER_SERVICE_OPTION, users);
        return new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }
}

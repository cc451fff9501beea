package id.parkir.security.internal;

import id.parkir.api.security.UserService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every start and stop of a Parkir bundle (a plugin swapped in or out while the server runs:
 * an exporter, a payment method, the ANPR reader) in the activity log, as user "system": the
 * framework does not say who asked. A server shutting down stops everything; that is not logged.
 */
@Component(immediate = true)
public class PluginBundleLog implements BundleListener {
    static final String STARTED = "PLUGIN_STARTED";
    static final String STOPPED = "PLUGIN_STOPPED";
    private static final Logger LOG = LoggerFactory.getLogger(PluginBundleLog.class);

    private final UserService users;
    private final BundleContext context;

    @Activate
    public PluginBundleLog(@Reference UserService users, BundleContext context) {
        this.users = users;
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        String event2 = event.getType() == BundleEvent.STARTED ? STARTED : event.getType() == BundleEvent.STOPPED ? STOPPED : null;
        if (event2 == null || bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("id.parkir.")
                || context.getBundle(0).getState() == Bundle.STOPPING) {
            return;
        }
        try {
            users.logActivity("system", event2, bundle.getSymbolicName() + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId() + ")");
        } catch (RuntimeException e) {
            LOG.debug("Bundle event not logged (the store is going away): {}", e.toString());
        }
    }
}

package id.parkir.tariff.progressive.internal;

import id.parkir.api.Fee;
import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.TariffSettings;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "progressive" tariff rule, configured per vehicle type in etc/id.parkir.tariff.progressive.cfg.
 * A configuration change takes effect at once (for quotes made after it). It also offers its
 * settings to admins ({@link TariffSettings}): they are written through Config Admin, so the file
 * in etc/ (Karaf's fileinstall writes it back), the shell's {@code config:*} and the API always
 * show the same values, and are checked by the same code as the file.
 */
@Component(configurationPid = ProgressiveTariffRule.PID, service = {TariffRule.class, TariffSettings.class},
        property = {PluginProperties.ID + "=progressive", PluginProperties.NAME + "=Tarif progresif (progressive)"})
public class ProgressiveTariffRule implements TariffRule, TariffSettings {
    static final String PID = "id.parkir.tariff.progressive";
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveTariffRule.class);
    /** How long a save waits for Config Admin to hand the new values back to this rule. */
    private static final long APPLY_TIMEOUT_MILLIS = 10_000;

    @Reference
    private ConfigurationAdmin configAdmin;

    private volatile ProgressiveTariff tariff;

    @Activate
    @Modified
    void configure(Map<String, Object> config) {
        tariff = ProgressiveTariff.fromConfig(config);
    }

    @Override
    public Fee quote(Stay stay) {
        return tariff.quote(stay);
    }

    @Override
    public String describe() {
        return tariff.describe();
    }

    @Override
    public Map<String, Map<String, Long>> current() {
        return tariff.settings();
    }

    /**
     * Checked first (nothing is written when a value is refused), then written with the other keys
     * of the configuration kept. Saves are one at a time in this server, so each waits for its own
     * values; a change made elsewhere at the same moment (the shell, the file) may still win.
     */
    @Override
    public synchronized Map<String, Map<String, Long>> save(Map<String, Map<String, Long>> settings) {
        ProgressiveTariff wanted;
        try {
            wanted = ProgressiveTariff.fromSettings(settings);
        } catch (IllegalArgumentException e) {
            throw ParkirException.invalid("tariff_invalid", e.getMessage());
        }
        Map<String, Map<String, Long>> values = wanted.settings();
        if (!values.equals(tariff.settings())) {
            write(wanted.toConfig());
            awaitApplied(values);
        }
        return values;
    }

    private void write(Map<String, String> entries) {
        try {
            Configuration c = configAdmin.getConfiguration(PID, null);
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            entries.forEach(props::put);
            c.update(props);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot write the tariff configuration {}", PID, e);
            throw ParkirException.unavailable("tariff_not_saved", "the tariff could not be saved; see the server log");
        }
    }

    /** Config Admin hands a change to the rule on its own thread: wait until the rule prices with it. */
    private void awaitApplied(Map<String, Map<String, Long>> values) {
        long deadline = System.nanoTime() + APPLY_TIMEOUT_MILLIS * 1_000_000;
        while (!values.equals(tariff.settings())) {
            if (System.nanoTime() > deadline) {
                LOG.warn("The tariff was saved but the rule did not take it up within {} ms", APPLY_TIMEOUT_MILLIS);
                throw ParkirException.unavailable("tariff_not_applied",
                        "the tariff was saved but is not in use yet (changed elsewhere at the same moment?): read it again");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ParkirException.unavailable("tariff_not_applied", "interrupted while the tariff was being applied");
            }
        }
    }
}

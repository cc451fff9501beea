package id.parkir.tariff.progressive.internal;

import id.parkir.api.Fee;
import id.parkir.api.PluginProperties;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The "progressive" tariff rule, configured per vehicle type in etc/id.parkir.tariff.progressive.cfg.
 * A configuration change takes effect at once (for quotes made after it).
 */
@Component(configurationPid = "id.parkir.tariff.progressive",
        property = {PluginProperties.ID + "=progressive", PluginProperties.NAME + "=Tarif progresif (progressive)"})
public class ProgressiveTariffRule implements TariffRule {
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
}
